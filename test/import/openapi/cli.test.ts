import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import type { OperationPicker } from '../../../src/import/openapi/pick.js';
import { fakeIo } from '../../helpers/fake-io.js';
import { TWILIO } from './helpers.js';

async function cli(
  argv: string[],
  opts: { interactive?: boolean; env?: NodeJS.ProcessEnv; picker?: OperationPicker } = {},
) {
  const cwd = mkdtempSync(join(tmpdir(), 'oc-import-cli-'));
  const io = Object.assign(fakeIo({ cwd, env: opts.env ?? {} }), {
    interactive: opts.interactive ?? false,
    ...(opts.picker && { picker: opts.picker }),
  });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err(), cwd };
}

/** `okta-connector import openapi <Twilio's description> <flags>`, in a fresh folder. */
const importTwilio = (flags: string[], opts: Parameters<typeof cli>[1] = {}) =>
  cli(['import', 'openapi', TWILIO, ...flags], opts);

/** A picker that records what it was offered and ticks the given operations. */
function scriptedPicker(answer: string[]) {
  const offered: string[] = [];
  const picker: OperationPicker = {
    pick: async (choices) => {
      offered.push(...choices.map((c) => c.value));
      return answer;
    },
  };
  return { picker, offered };
}

describe('okta-connector import openapi', () => {
  it('writes connector.yaml with the schema line and prints the summary on stderr', async () => {
    const r = await importTwilio([
      '--operation',
      'CreateMessage',
      '--operation',
      'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^Imported 2 of 2 selected operations \(197 in Twilio - Api, OpenAPI 3\.0\.1\) into connector\.yaml/,
    );
    expect(r.err).toContain('+ Send Message ← POST /2010-04-01/Accounts/{AccountSid}/Messages.json');
    const text = readFileSync(join(r.cwd, 'connector.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=node_modules/okta-connector/schema/connector.schema.json',
    );
    const validated = await cli(['validate', join(r.cwd, 'connector.yaml')]);
    expect(validated.code).toBe(0);
  });

  it('names the description as the mock of the spec it writes, so simulate runs offline with no flag', async () => {
    const r = await importTwilio(['--operation', 'CreateMessage', '--out', 'twilio/connector.yaml']);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(join(r.cwd, 'twilio', 'connector.yaml'), 'utf8');
    expect(text).toMatch(/\nmock:\n  openapi: \S+twilio_api_v2010\.json\n/);
    const ping = await cli(['simulate', join(r.cwd, 'twilio', 'connector.yaml'), '--authping']);
    expect(ping.code, ping.err).toBe(0);
    expect(JSON.parse(ping.out)).toMatchObject({ working: true });
  });

  it('never prompts without a TTY, or with CI set: the missing selection is exit 2 naming the flags', async () => {
    const { picker, offered } = scriptedPicker(['CreateMessage']);
    for (const opts of [
      { interactive: false, picker },
      { interactive: true, env: { CI: 'true' }, picker },
    ]) {
      const r = await importTwilio([], opts);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--operation <operationId | "METHOD /path">, --tag <tag> or --all');
      expect(existsSync(join(r.cwd, 'connector.yaml'))).toBe(false);
    }
    expect(offered).toEqual([]);
  });

  it('on a terminal without a selection, asks with the picker', async () => {
    const { picker, offered } = scriptedPicker(['DeleteMessage']);
    const r = await importTwilio(['--out', 'twilio.yaml'], { interactive: true, picker });
    expect(r.code).toBe(0);
    expect(offered).toHaveLength(197);
    expect(readFileSync(join(r.cwd, 'twilio.yaml'), 'utf8')).toContain('- name: Delete Message');
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const first = await importTwilio(['--operation', 'CreateMessage']);
    const out = join(first.cwd, 'connector.yaml');
    writeFileSync(out, 'mine\n');
    const again = await importTwilio(['--operation', 'CreateMessage', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/refusing to overwrite .*connector\.yaml; nothing was written/);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    const forced = await importTwilio(['--operation', 'CreateMessage', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('- name: Send Message');
  });

  it('an unknown operation is a usage error with a suggestion', async () => {
    const r = await importTwilio(['--operation', 'CreateMesage']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no operation "CreateMesage" in the description; did you mean "CreateMessage"?');
  });

  it('a broken description is exit 1 with file:line:col, and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-import-bad-'));
    writeFileSync(join(dir, 'bad.json'), '{\n  "openapi": "3.0.0",\n  "paths": {,\n}\n');
    writeFileSync(join(dir, 'not.yaml'), 'title: not an API\n');
    const broken = await cli(['import', 'openapi', join(dir, 'bad.json'), '--all']);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/bad\.json:3:\d+/);
    expect(broken.err).not.toMatch(/at .*\.ts:\d+/);
    const notOpenApi = await cli(['import', 'openapi', join(dir, 'not.yaml'), '--all']);
    expect(notOpenApi.code).toBe(1);
    expect(notOpenApi.err).toMatch(/not\.yaml:1:1.*not an OpenAPI description/);
  });

  it('same description and flags, same bytes on disk', async () => {
    const a = await importTwilio(['--tag', 'Api20100401Message']);
    const b = await importTwilio(['--tag', 'Api20100401Message']);
    expect(readFileSync(join(b.cwd, 'connector.yaml'))).toEqual(readFileSync(join(a.cwd, 'connector.yaml')));
  });
});

describe('okta-connector init --from-openapi', () => {
  it('scaffolds the folder around the imported spec', async () => {
    const r = await cli(['init', 'twilio', '--from-openapi', TWILIO, '--operation', 'CreateMessage']);
    expect(r.code).toBe(0);
    const text = readFileSync(join(r.cwd, 'twilio/connector.yaml'), 'utf8');
    expect(text).toContain('Imported by `okta-connector import openapi` from twilio_api_v2010.json');
    expect(existsSync(join(r.cwd, 'twilio/tests/send-message.yaml'))).toBe(true);
    expect(r.out).toContain('imported 1 of 1 selected operations');
  });

  it('refuses flags the description decides, and never prompts without a TTY', async () => {
    const clash = await cli(['init', 'x', '--from-openapi', TWILIO, '--all', '--auth', 'custom']);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('drop --auth');
    const missing = await cli(['init', 'x', '--from-openapi', TWILIO]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--tag <tag> or --all');
  });
});
