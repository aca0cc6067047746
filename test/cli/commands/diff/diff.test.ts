import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/run.js';
import { fakeIo } from '../../../helpers/fake-io.js';
import { baseSpec, withSpec } from '../../../spec/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'oc-diff-'));
const write = (name: string, spec: unknown) => {
  writeFileSync(join(dir, name), stringify(spec));
  return name;
};

describe('okta-connector diff', () => {
  const before = write('v1.yaml', baseSpec());

  it('exits 1 when a breaking change comes without a major bump', async () => {
    const after = write(
      'v1.1.yaml',
      withSpec((s) => ((s.version = '1.1.0'), (s.actions[0]!.outputs = []))),
    );
    const io = fakeIo({ cwd: dir });
    expect(await run(['diff', before, after], io)).toBe(1);
    expect(io.out()).toContain('Breaking (1)');
    expect(io.out()).toContain('✘ the changes need a major version bump; 1.0.0 → 1.1.0 is a minor bump');
  });

  it('exits 0 when the bump covers the changes, and prints JSON on request', async () => {
    const after = write(
      'v1.1b.yaml',
      withSpec((s) => ((s.version = '1.1.0'), s.actions.push({ ...s.actions[0]!, name: 'Resend' }))),
    );
    const io = fakeIo({ cwd: dir });
    expect(await run(['diff', before, after, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ requiredBump: 'minor', actualBump: 'minor', ok: true });
  });

  it('exits 1 with diagnostics when a spec is invalid', async () => {
    const io = fakeIo({ cwd: dir });
    expect(await run(['diff', before, 'missing.yaml'], io)).toBe(1);
    expect(io.err()).toContain('missing.yaml  error  OC-SOURCE-READ');
  });
});
