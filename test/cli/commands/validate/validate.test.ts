import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/run.js';
import { packagePath } from '../../../../src/util/paths.js';
import { fakeIo } from '../../../helpers/fake-io.js';
import { baseSpec } from '../../../spec/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'oc-validate-'));
const twilio = packagePath('connectors/twilio/connector.yaml');

function specFile(name: string, change: (s: ReturnType<typeof baseSpec>) => void = () => {}) {
  const spec = baseSpec();
  change(spec);
  const path = join(dir, name);
  writeFileSync(path, stringify(spec));
  return path;
}

describe('okta-connector validate', () => {
  it('exits 0 on a valid spec with a success summary', async () => {
    const io = fakeIo();
    expect(await run(['validate', twilio], io)).toBe(0);
    expect(io.err()).toContain('no problems');
  });

  it('exits 1 on an invalid spec and prints file:line:col', async () => {
    const io = fakeIo({ cwd: dir });
    const file = specFile('bad.yaml', (s) => (s.actions[0]!.name = 'Send_Message'));
    expect(await run(['validate', file], io)).toBe(1);
    expect(io.err()).toMatch(/^bad\.yaml:\d+:\d+ {2}error {2}CBDE000003H {2}action name "Send_Message"/m);
    expect(io.err()).toContain('✘ 1 file checked: 1 error, 0 warnings');
  });

  it('writes JSON and GitHub formats to stdout', async () => {
    const file = specFile('warn.yaml', (s) =>
      s.actions[0]!.inputs!.push({ key: 'x', label: 'X', type: 'text' }),
    );
    const json = fakeIo({ cwd: dir });
    expect(await run(['validate', '--format', 'json', file], json)).toBe(0);
    expect(JSON.parse(json.out()).diagnostics[0]).toMatchObject({
      code: 'OC-SPEC-UNUSED-INPUT',
      file: 'warn.yaml',
    });
    const gh = fakeIo({ cwd: dir });
    await run(['validate', '-f', 'github', file], gh);
    expect(gh.out()).toMatch(/^::warning file=warn\.yaml,line=\d+,col=\d+,title=OC-SPEC-UNUSED-INPUT::/);
  });

  it('fails on warnings beyond --max-warnings', async () => {
    const file = specFile('warn2.yaml', (s) =>
      s.actions[0]!.inputs!.push({ key: 'x', label: 'X', type: 'text' }),
    );
    expect(await run(['validate', '--max-warnings', '0', file], fakeIo())).toBe(1);
    expect(await run(['validate', '--max-warnings', '1', file], fakeIo())).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    const io = fakeIo();
    expect(await run(['validate'], io)).toBe(2);
    expect(io.err()).toContain("missing required argument 'spec'");
    expect(await run(['validate', '--format', 'xml', twilio], fakeIo())).toBe(2);
    expect(await run(['validate', '--max-warnings', 'many', twilio], fakeIo())).toBe(2);
  });

  it('validates several files and reports each', async () => {
    const io = fakeIo({ cwd: dir });
    const missing = join(dir, 'missing.yaml');
    expect(await run(['validate', twilio, missing], io)).toBe(1);
    expect(io.err()).toContain('missing.yaml  error  OC-SOURCE-READ  cannot read the file: no such file');
    expect(io.err()).toContain('2 files checked');
  });
});
