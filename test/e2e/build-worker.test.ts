import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { buildConnector } from '../../src/handoff-package/build.js';
import { startDocumentsWorker, WORKER_MIN_ACTIONS } from '../../src/handoff-package/documents-worker.js';
import type { ConnectorSpec } from '../../src/spec/types.js';

const run = promisify(execFile);

/** The Twilio spec with its actions repeated under new names: enough of them for the documents worker. */
function largeSpec(actions: number): ConnectorSpec {
  const twilio = parse(readFileSync('connectors/twilio/connector.yaml', 'utf8')) as ConnectorSpec;
  const letters = (i: number) =>
    i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
  return {
    ...twilio,
    name: 'large',
    actions: Array.from({ length: actions }, (_, i) => ({
      ...twilio.actions[i % twilio.actions.length]!,
      name: `Send ${letters(i)}`,
    })),
  };
}

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), readFileSync(path));
  }
  return out;
}

describe('build of a large connector (documents rendered on a worker thread)', () => {
  it('writes the same bytes as the build that renders everything on one thread', async () => {
    expect(existsSync('dist/bundle/render-worker.js'), 'dist/ is missing: run npm run build').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'oc-worker-'));
    const spec = join(dir, 'connector.json');
    writeFileSync(spec, JSON.stringify(largeSpec(WORKER_MIN_ACTIONS + 5)));
    // The installed command: its bundle has the compiled worker, so it renders the documents on one.
    await run('node', ['bin/okta-connector.js', 'build', spec, '--out', join(dir, 'worker')], {
      timeout: 60_000,
    });
    // From source there is no compiled worker: everything renders on this thread.
    const inline = await buildConnector(spec, { outDir: join(dir, 'inline') });
    expect(inline.ok).toBe(true);
    const expected = files(join(dir, 'inline'));
    const actual = files(join(dir, 'worker'));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(expected.size).toBeGreaterThan(WORKER_MIN_ACTIONS);
    for (const [path, bytes] of expected) expect(actual.get(path)?.equals(bytes), path).toBe(true);
  }, 120_000);

  it('is not started for small connectors, nor without a compiled worker', () => {
    const spec = largeSpec(WORKER_MIN_ACTIONS);
    const tool = { name: 't', version: '1' };
    expect(startDocumentsWorker(largeSpec(3), tool)).toBeUndefined();
    expect(
      startDocumentsWorker(spec, tool, { worker: new URL('file:///nonexistent/render-worker.js') }),
    ).toBe(undefined);
  });
});
