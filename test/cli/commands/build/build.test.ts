import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/run.js';
import { fakeIo } from '../../../helpers/fake-io.js';
import { baseSpec } from '../../../spec/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'oc-cli-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function workspace(name: string, spec: object = baseSpec()): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'connector.yaml'), stringify(spec));
  return dir;
}

describe('okta-connector build', () => {
  it('writes dist/<name>/ and prints what it wrote, with sizes and flows', async () => {
    const cwd = workspace('ok');
    const io = fakeIo({ cwd });
    expect(await run(['build', 'connector.yaml'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('✔ built dist/acme/');
    expect(out).toMatch(/^ {2}acme\.flopack +\d+(\.\d)? (B|KB|MB)$/m);
    expect(out).toMatch(/^ {2}acme-1\.0\.0\.zip /m);
    expect(out).toContain('4 flows: httpHelper (helper, ');
    expect(existsSync(join(cwd, 'dist/acme/BUILD.md'))).toBe(true);
    expect(io.err()).toBe('');
  });

  it('--check exits 0 when up to date and 1 naming stale files, writing nothing', async () => {
    const cwd = workspace('check');
    expect(await run(['build', 'connector.yaml', '--out', 'out'], fakeIo({ cwd }))).toBe(0);
    const fresh = fakeIo({ cwd });
    expect(await run(['build', 'connector.yaml', '--out', 'out', '--check'], fresh)).toBe(0);
    expect(fresh.out()).toContain('out/acme is up to date');
    writeFileSync(join(cwd, 'out/acme/BUILD.md'), 'stale');
    const stale = fakeIo({ cwd });
    expect(await run(['build', 'connector.yaml', '--out', 'out', '--check'], stale)).toBe(1);
    expect(stale.err()).toContain('changed  out/acme/BUILD.md');
    expect(stale.err()).toContain('to update it, run: okta-connector build connector.yaml --out out');
  });

  it('exits 1 with file:line:col diagnostics for an invalid spec', async () => {
    const spec = baseSpec();
    (spec as { version: string }).version = 'one';
    const cwd = workspace('invalid', spec);
    const io = fakeIo({ cwd });
    expect(await run(['build', 'connector.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/connector\.yaml:\d+:\d+ +error/);
    expect(io.err()).toContain('nothing was written');
    expect(existsSync(join(cwd, 'dist'))).toBe(false);
  });

  it('--format json prints one JSON document on stdout', async () => {
    const cwd = workspace('json');
    const io = fakeIo({ cwd });
    expect(await run(['build', 'connector.yaml', '--format', 'json', '--no-zip'], io)).toBe(0);
    const report = JSON.parse(io.out()) as {
      ok: boolean;
      packageDir: string;
      files: Array<{ path: string }>;
    };
    expect(report.ok).toBe(true);
    expect(report.packageDir).toBe('dist/acme');
    expect(report.files.some((f) => f.path.endsWith('.zip'))).toBe(false);
  });

  it('--format github prints stale files as workflow error commands', async () => {
    const cwd = workspace('github');
    const io = fakeIo({ cwd });
    expect(await run(['build', 'connector.yaml', '--check', '--format', 'github'], io)).toBe(1);
    expect(io.err()).toContain(
      '::error file=dist/acme/BUILD.md,title=OC-BUILD-STALE::missing: dist/acme/BUILD.md',
    );
  });

  it('exits 2 on a bad --format', async () => {
    const io = fakeIo({ cwd: workspace('usage') });
    expect(await run(['build', 'connector.yaml', '--format', 'xml'], io)).toBe(2);
  });
});
