import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as cli } from '../helpers/cli.js';

/**
 * The bundled GitHub connector end to end, offline with stubs in GitHub's shapes: List Issues pages with the Link
 * header and a body that is the list itself, Open an Issue sends JSON arrays.
 */
const SPEC = 'connectors/github/connector.yaml';

describe('the GitHub connector with stubs', () => {
  it('passes every bundled scenario, none skipped', async () => {
    const r = await cli(['test', 'connectors/github', '--format', 'json']);
    const suite = JSON.parse(r.out) as { passed: number; failed: number; skipped: number };
    expect({ code: r.code, failed: suite.failed, skipped: suite.skipped, passed: suite.passed }).toEqual({
      code: 0,
      failed: 0,
      skipped: 0,
      passed: 8,
    });
  });

  it('builds lint-clean, and the sheet walks through reading the Link header card by card', async () => {
    const out = await mkdtemp(join(tmpdir(), 'oc-github-'));
    const r = await cli(['build', SPEC, '--out', out]);
    expect(r.code).toBe(0);
    const sheet = await readFile(join(out, 'github', 'BUILD.md'), 'utf8');
    const page = sheet.slice(sheet.indexOf('### List Issues Page'));
    for (const card of ['Text - Find', 'Text - Text Segment', 'Text - Split', 'List - Get Last Item'])
      expect(page).toContain(card);
    expect(page).toContain('- **look in** (Text): drag **headers › link** from **Call httpHelper**');
    expect(page).toContain('- **look for** (Text): enter `rel="next"`');
  });
});
