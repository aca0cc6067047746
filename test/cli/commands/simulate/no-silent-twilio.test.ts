import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as cli } from '../../../helpers/cli.js';

/** The bundled Twilio spec with its `mock:` line replaced (or removed), written beside a temp dir. */
async function twilioSpecWith(mockLine: string): Promise<string> {
  const text = await readFile('connectors/twilio/connector.yaml', 'utf8');
  expect(text).toMatch(/^mock: twilio$/m);
  const dir = await mkdtemp(join(tmpdir(), 'oc-nomock-'));
  const file = join(dir, 'connector.yaml');
  await writeFile(file, text.replace(/^mock: twilio$/m, mockLine).replace(/^# yaml-language-server.*$/m, ''));
  return file;
}

describe('simulate: no silent Twilio', () => {
  it('a spec without mock stops with exit 2 and says what to pass', async () => {
    const spec = await twilioSpecWith('');
    const r = await cli(['simulate', spec, '--authping']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('declares no mock');
    expect(r.err).toContain('--base-url');
    expect(r.err).toContain('mock: twilio');
    expect(r.err).not.toContain('20404');
  });

  it('mock: twilio runs against the embedded mock Twilio', async () => {
    const r = await cli(['simulate', 'connectors/twilio/connector.yaml', '--authping']);
    expect(r.code).toBe(0);
  });

  it('validate refuses a missing mock.openapi description and an unknown mock, each with a location', async () => {
    const missing = await cli(['validate', await twilioSpecWith('mock: {openapi: ./missing.json}')]);
    expect(missing.code).toBe(1);
    expect(missing.err + missing.out).toMatch(/connector\.yaml:\d+:\d+/);
    expect(missing.err + missing.out).toContain('missing.json');
    const bad = await cli(['validate', await twilioSpecWith('mock: sendgrid')]);
    expect(bad.code).toBe(1);
    expect(bad.err + bad.out).toMatch(/connector\.yaml:\d+:\d+/);
  });
});
