import { describe, it, expect } from 'vitest';
import { mkdtemp, readdir, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTarget } from '../../src/run/target.js';
import { checkFields, runnableNames, selectFlow } from '../../src/run/select.js';
import { UsageError } from '../../src/errors.js';
import { TWILIO_FLOW_KINDS } from '../helpers/twilio.js';
import { OKTA_WORKFLOWS_DIR } from '../support/fixtures.js';

const SAMPLES = OKTA_WORKFLOWS_DIR;

describe('loadTarget', () => {
  it('builds a spec in memory with every contract flow', async () => {
    const t = await loadTarget('connectors/twilio/connector.yaml', process.cwd());
    expect(t.kind).toBe('spec');
    expect(t.generated).toBe(true);
    expect(t.flows.map((f) => f.kind)).toEqual(TWILIO_FLOW_KINDS);
    expect(runnableNames(t)).toContain('Send WhatsApp');
  });

  it('reads a connector folder through its connector.yaml', async () => {
    const t = await loadTarget('connectors/twilio', process.cwd());
    expect(t.kind).toBe('spec');
  });

  it('reads a build output folder: runs its flopack, takes the base URL from its spec copy', async () => {
    const spec = await loadTarget('connectors/twilio/connector.yaml', process.cwd());
    const dir = await mkdtemp(join(tmpdir(), 'oc-dist-'));
    await writeFile(join(dir, 'twilio.flopack'), JSON.stringify(spec.flopack));
    await copyFile('connectors/twilio/connector.yaml', join(dir, 'connector.yaml'));
    const t = await loadTarget(dir, process.cwd());
    expect(t.kind).toBe('dist');
    expect(t.generated).toBe(true);
    expect(t.spec?.name).toBe('twilio');
    expect(t.flows.find((f) => f.name === 'Send Message')?.kind).toBe('action');
    expect(t.flows.find((f) => f.name === 'Custom API Action')?.kind).toBe('capia');
  });

  it('refuses a folder with neither a flopack nor a spec', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-empty-'));
    await expect(loadTarget(dir, process.cwd())).rejects.toThrow(/no \.flopack and no connector\.yaml/);
  });

  it('loads every real export in the samples folder', async () => {
    const files = (await readdir(SAMPLES)).filter((f) => /\.(flopack|flow|folder)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const t = await loadTarget(join(SAMPLES, file), process.cwd());
      expect(t.kind).toBe('flopack');
      expect(t.generated).toBe(false);
      expect(t.flows.length).toBeGreaterThan(0);
    }
  });

  it('says what a non-spec, non-flopack file is not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-other-'));
    await writeFile(join(dir, 'x.yaml'), 'hello: world\n');
    await expect(loadTarget(join(dir, 'x.yaml'), process.cwd())).rejects.toThrow(/neither a connector spec/);
    await expect(loadTarget(join(dir, 'missing.yaml'), process.cwd())).rejects.toBeInstanceOf(UsageError);
  });
});

describe('selectFlow and checkFields', () => {
  it('suggests the closest action and lists them all', async () => {
    const t = await loadTarget('connectors/twilio/connector.yaml', process.cwd());
    expect(() => selectFlow(t, { action: 'Send Mesage' })).toThrow(
      /unknown action "Send Mesage" \(did you mean "Send Message"\?\).*"Get Message"/,
    );
    expect(selectFlow(t, { action: 'send whatsapp' }).name).toBe('Send WhatsApp');
    expect(selectFlow(t, { authping: true }).name).toBe('_authping');
    expect(() => selectFlow(t, {})).toThrow(/say what to run/);
    expect(() => selectFlow(t, { action: 'Get Message', authping: true })).toThrow(/only one/);
  });

  it('checks option and input keys against the flow start card', async () => {
    const t = await loadTarget('connectors/twilio/connector.yaml', process.cwd());
    const send = selectFlow(t, { action: 'Send Message' });
    const fields = checkFields(t, send, { from: '+1' }, { to: '+1', body: 'x' });
    expect(fields.filter((f) => f.kind === 'option').map((f) => f.key)).toEqual(['from']);
    expect(fields.find((f) => f.kind === 'connection')?.key).toBe('auth');
    expect(() => checkFields(t, send, {}, { bdy: 'x' })).toThrow(
      /unknown --input "bdy".*did you mean "body".*valid inputs: to, body, statusCallback/,
    );
    expect(() => checkFields(t, send, { sender: 'x' }, {})).toThrow(/valid options: from/);
    // Labels are accepted as keys too, as the interpreter does.
    expect(() => checkFields(t, send, {}, { 'Status Callback URL': 'http://x' })).not.toThrow();
  });

  it('runs the only flow of a single-flow export without --flow, and needs --flow otherwise', async () => {
    const one = await loadTarget(join(SAMPLES, 'send_sms_via_twilio.flopack'), process.cwd());
    expect(selectFlow(one, {}).name).toBe('SUB - Send SMS via Twilio');
    const two = await loadTarget(join(SAMPLES, 'make_api_requests_http_card.flopack'), process.cwd());
    expect(() => selectFlow(two, {})).toThrow(/--flow/);
    expect(() => selectFlow(two, { flow: 'Pet Store' })).toThrow(
      /did you mean "Pet Store API-start to test endpoint"/,
    );
  });
});
