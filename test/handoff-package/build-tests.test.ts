import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConnector } from '../../src/handoff-package/build.js';
import type { Manifest } from '../../src/handoff-package/manifest.js';
import { lintFlopack } from '../../src/lint/index.js';
import type { Flopack } from '../../src/flopack/types.js';
import { packagePath } from '../../src/util/paths.js';
import { listZip } from './zip-reader.js';

const root = mkdtempSync(join(tmpdir(), 'oc-handoff-tests-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** connectors/twilio (spec and tests/) copied to its own folder. */
function twilioCopy(name: string): string {
  const dir = join(root, name);
  cpSync(packagePath('connectors/twilio'), dir, { recursive: true });
  return dir;
}

describe('build: the submission test package (TESTING.md and <name>-tests.folder)', async () => {
  const dir = twilioCopy('twilio');
  const result = await buildConnector(join(dir, 'connector.yaml'), { outDir: join(dir, 'dist') });
  const out = join(dir, 'dist', 'twilio');
  const read = (p: string) => readFileSync(join(out, p));

  it('writes both next to the flopack, lists them in the manifest and zips them', () => {
    expect(result.ok).toBe(true);
    const paths = result.files.map((f) => f.path);
    expect(paths).toContain('TESTING.md');
    expect(paths).toContain('tests/twilio-tests.folder');
    const manifest = JSON.parse(read('manifest.json').toString('utf8')) as Manifest;
    expect(manifest.artifacts.map((a) => a.path)).toEqual(
      expect.arrayContaining(['TESTING.md', 'tests/twilio-tests.folder']),
    );
    const zipped = listZip(read('twilio-1.0.0.zip')).map((e) => e.name);
    expect(zipped).toEqual(expect.arrayContaining(['twilio/TESTING.md', 'twilio/tests/twilio-tests.folder']));
  });

  it('writes a folder export that passes lint, with one test flow per exported scenario', () => {
    const folder = JSON.parse(read('tests/twilio-tests.folder').toString('utf8')) as Flopack;
    expect(folder.type).toBe('flopack');
    expect(
      lintFlopack(folder, { file: 'tests/twilio-tests.folder' }).filter((d) => d.severity !== 'info'),
    ).toEqual([]);
    const tests = Object.values(folder.data.flos).filter((f) => f.name.startsWith('Test '));
    expect(tests).toHaveLength(14);
    const testing = read('TESTING.md').toString('utf8');
    for (const t of tests) expect(testing).toContain(`"${t.name}"`);
    expect(testing).toContain('Actions › Import');
    // Scenario connections stay out of the package: only their field names are mentioned.
    expect(testing).not.toContain('not-the-secret');
    expect(read('tests/twilio-tests.folder').toString('utf8')).not.toContain('not-the-secret');
  });

  it('is the same bytes when built again elsewhere', async () => {
    const other = twilioCopy('twilio-again');
    await buildConnector(join(other, 'connector.yaml'), { outDir: join(other, 'dist') });
    for (const p of ['TESTING.md', 'tests/twilio-tests.folder']) {
      expect(readFileSync(join(other, 'dist', 'twilio', p)).equals(read(p)), p).toBe(true);
    }
  });

  it('leaves a scenario that does not load out, with a warning at its line, and still builds', async () => {
    const broken = twilioCopy('twilio-broken');
    writeFileSync(
      join(broken, 'tests', 'zz-broken.yaml'),
      'name: broken\naction: Send Message\nexpect: { nope: 1 }\n',
    );
    const r = await buildConnector(join(broken, 'connector.yaml'), { outDir: join(broken, 'dist') });
    expect(r.ok).toBe(true);
    const warning = r.diagnostics.find((d) => d.code === 'OC-BUILD-SCENARIO');
    expect(warning).toMatchObject({ severity: 'warning', line: 3 });
    expect(warning?.file).toMatch(/tests[/\\]zz-broken\.yaml$/);
    const testing = readFileSync(join(broken, 'dist', 'twilio', 'TESTING.md'), 'utf8');
    expect(testing).not.toContain('zz-broken.yaml');
  });

  it('writes neither when the connector has no scenarios', async () => {
    const bare = twilioCopy('twilio-bare');
    rmSync(join(bare, 'tests'), { recursive: true });
    const r = await buildConnector(join(bare, 'connector.yaml'), { outDir: join(bare, 'dist') });
    expect(r.ok).toBe(true);
    expect(r.files.map((f) => f.path)).not.toContain('TESTING.md');
    expect(r.files.map((f) => f.path)).not.toContain('tests/twilio-tests.folder');
  });
});
