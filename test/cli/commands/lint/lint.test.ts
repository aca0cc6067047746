import { describe, expect, it } from 'vitest';
import { fakeIo as sharedFakeIo } from '../../../helpers/fake-io.js';
import { run } from '../../../../src/cli/run.js';
import { OKTA_WORKFLOWS_DIR } from '../../../support/fixtures.js';

const FIXTURES = new URL('../../../fixtures/flopacks/', import.meta.url).pathname;
const SAMPLES = OKTA_WORKFLOWS_DIR;

/** The shared in-memory Io, in the { io, out, err } shape these tests use. */
function fakeIo(cwd = FIXTURES) {
  const io = sharedFakeIo({ cwd });
  return { io, out: io.out, err: io.err };
}

describe('okta-connector lint', () => {
  it('exits 0 on the real samples directory and counts the files', async () => {
    const t = fakeIo(SAMPLES);
    expect(await run(['lint', '.'], t.io)).toBe(0);
    expect(t.out()).toContain('9 files checked: 0 errors');
  });

  it('exits 1 on errors and prints file:line:col, the flow and the pointer', async () => {
    const t = fakeIo();
    expect(await run(['lint', 'stale-ordering.flopack'], t.io)).toBe(1);
    expect(t.out()).toContain('stale-ordering.flopack:850:8  error  OC-FLOPACK-ORDERING');
    expect(t.out()).toContain('at flow "Send Greeting"');
    expect(t.out()).toContain('✘ 1 file checked: 1 error, 0 warnings');
  });

  it('exits 0 with warnings, 1 when they exceed --max-warnings', async () => {
    const a = fakeIo();
    expect(await run(['lint', 'preview-only.flow'], a.io)).toBe(0);
    const b = fakeIo();
    expect(await run(['lint', 'preview-only.flow', '--max-warnings', '0'], b.io)).toBe(1);
    expect(b.err()).toContain('too many warnings: 1');
    const c = fakeIo();
    expect(await run(['lint', 'preview-only.flow', '--max-warnings', '1'], c.io)).toBe(0);
  });

  it('lints every flopack of a directory, sorted, in json', async () => {
    const t = fakeIo();
    expect(await run(['lint', '.', '--format', 'json'], t.io)).toBe(1);
    const parsed = JSON.parse(t.out()) as { diagnostics: Array<{ file: string }>; summary: unknown };
    expect(parsed.diagnostics.map((d) => d.file)).toEqual(['preview-only.flow', 'stale-ordering.flopack']);
    expect(parsed.summary).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('prints GitHub annotations', async () => {
    const t = fakeIo();
    await run(['lint', 'stale-ordering.flopack', '--format', 'github'], t.io);
    expect(t.out()).toMatch(
      /^::error file=stale-ordering.flopack,line=850,col=8,title=OC-FLOPACK-ORDERING::/,
    );
  });

  it('forces Connector Builder checks with --connector and disables them with --no-connector', async () => {
    const on = fakeIo(SAMPLES);
    expect(await run(['lint', 'send_sms_via_twilio.flopack', '--connector'], on.io)).toBe(1);
    expect(on.out()).toContain('CBDE000003H');
    const off = fakeIo(SAMPLES);
    expect(await run(['lint', 'send_sms_via_twilio.flopack', '--no-connector'], off.io)).toBe(0);
  });

  it('exits 2 for usage errors: no files, unknown format, bad --max-warnings, empty directory', async () => {
    expect(await run(['lint'], fakeIo().io)).toBe(2);
    const f = fakeIo();
    expect(await run(['lint', 'preview-only.flow', '--format', 'xml'], f.io)).toBe(2);
    expect(f.err()).toContain('unknown format "xml"');
    expect(await run(['lint', 'preview-only.flow', '--max-warnings', 'many'], fakeIo().io)).toBe(2);
    const empty = fakeIo(new URL('../../../lint/rules/', import.meta.url).pathname);
    expect(await run(['lint', '.'], empty.io)).toBe(2);
  });

  it('exits 1 for a missing file, naming it', async () => {
    const t = fakeIo();
    expect(await run(['lint', 'nope.flow'], t.io)).toBe(1);
    expect(t.out()).toContain('nope.flow  error  OC-SOURCE-READ');
  });
});
