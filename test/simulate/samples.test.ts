import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flopack } from '../../src/flopack/types.js';
import { addressTail, inspectFlopack, runFlow } from '../../src/simulate/index.js';
import { OKTA_WORKFLOWS_DIR } from '../support/fixtures.js';
import { fakeTransport } from '../helpers/flow-builder.js';

const DIR = OKTA_WORKFLOWS_DIR;
const load = (f: string): Flopack => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Flopack;
const files = readdirSync(DIR).filter((f) => f.endsWith('.flopack') || f.endsWith('.flow'));

/**
 * Cards the samples use that the simulator does not run: connector action cards needing real services (by design;
 * `extraCards` can stand in for them). Connector event cards that start a flow run as stand-ins fed by the inputs.
 */
const EXPECTED_UNSUPPORTED: Record<string, string[]> = {
  'intro_custom_api_actions.flopack': ['okta:readUser', 'okta:hTTPRequest', 'okta:createUser'],
  'make_api_requests_http_card.flopack': ['stash:createRow'],
  'process_batched_okta_events_from_an_event_hook.flopack': ['stash:createRow'],
  'raw_http_connection_gsuite.flopack': ['googledirectory:createGroup'],
  'remove_user_from_all_non_built_in_okta_groups.flopack': [
    'okta:removeUserFromGroup',
    'okta:getUsersGroups',
  ],
  'send_sms_via_twilio.flopack': [],
  'slack_user_details_with_capia.flow': ['slack:httpRequest', 'slack:httpRequest', 'slack:readUser2'],
  'telephony_inline_hook_whatsapp_sms.flow': ['okta:readUser'],
  'validate_email_domain_using_registration_inline_ho.flopack': ['stash:searchRows2'],
};

describe('real samples', () => {
  it('covers every sample file', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED_UNSUPPORTED).sort());
  });

  it.each(files)('%s loads, every flow has a start card, and unsupported cards are named', (file) => {
    const r = inspectFlopack(load(file));
    expect(r.problems).toEqual([]);
    expect(r.flows.length).toBeGreaterThan(0);
    for (const f of r.flows) expect(f.start).not.toBe('(none)');
    const tails = r.unsupported.map((u) => addressTail(u.address));
    expect(tails.sort()).toEqual([...EXPECTED_UNSUPPORTED[file]!].sort());
    for (const u of r.unsupported) expect(u.flow && u.card && u.uuid).toBeTruthy();
  });

  it('lists the start inputs of a helper flow', () => {
    const r = inspectFlopack(load('send_sms_via_twilio.flopack'));
    expect(r.flows).toEqual([
      {
        id: '83360537-15a8-430e-b9c1-860e3bba5f1c',
        name: 'SUB - Send SMS via Twilio',
        start: 'Helper Flow (control:callable)',
        inputs: [
          { key: 'To mobile phone number', label: 'To mobile phone number', type: 'string' },
          { key: 'message', type: 'string' },
          { key: 'Twilio Account SID', type: 'string' },
          { key: 'From phone number', label: 'From phone number', type: 'string' },
        ],
      },
    ]);
  });
});

describe('send_sms_via_twilio end to end', () => {
  const inputs = {
    message: 'Hello',
    'Twilio Account SID': 'AC0123',
    'To mobile phone number': '+14155550100',
    'From phone number': '+15005550006',
  };
  const connections = { 'HTTP Twilio': { username: 'AC0123', password: 'tok3n' } };

  it('makes exactly the Twilio Messages request: URL, method, headers, form body', async () => {
    const { transport, requests } = fakeTransport(() => ({
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: '{"sid":"SM1","status":"queued"}',
    }));
    const r = await runFlow(load('send_sms_via_twilio.flopack'), 'SUB - Send SMS via Twilio', inputs, {
      transport,
      connections,
    });
    expect(r).toMatchObject({ ok: true, outputs: {}, steps: 9 });
    expect(requests).toEqual([
      {
        method: 'POST',
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC0123/Messages.json',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from('AC0123:tok3n').toString('base64')}`,
        },
        // Compose does not URL-encode (Okta's template sends the raw text).
        body: 'To=+14155550100&Body=Hello&From=+15005550006',
      },
    ]);
    const http = r.trace.find((e) => e.type === 'http');
    expect(http?.type === 'http' && http.request.headers['Authorization']).toBe('«redacted»');
    expect(JSON.stringify(r.trace)).not.toContain(Buffer.from('AC0123:tok3n').toString('base64'));
  });

  it("editing a Compose card's text and a pin changes the simulated request", async () => {
    const fp = load('send_sms_via_twilio.flopack');
    const cards = fp.data.flos['83360537-15a8-430e-b9c1-860e3bba5f1c']!.data.methods;
    const body = cards.find((c) => c.uuid === 'dRLsgtJLs')!;
    body.node.model.inputs.data['Fj821LSVaV']!.value.data =
      'From={{{VpJvBNwjL}}}&To={{{NW2ZmPRZj}}}&Body={{{RvxlxHgxV}}}&StatusCallback=https://cb';
    // Re-pin "message" into the To placeholder instead of the phone number.
    const start = cards.find((c) => c.uuid === 'IorXgQAeL')!;
    start.pins['CrM5_Szqa'] = { dRLsgtJLs: [{ input: 'ycpS9MnzsZ', transform: null }] };
    delete start.pins['9TfWhJsDe'];
    const { transport, requests } = fakeTransport(() => ({ status: 201, body: '{}' }));
    await runFlow(fp, 'SUB - Send SMS via Twilio', inputs, { transport, connections });
    expect(requests[0]!.body).toBe('From=+15005550006&To=Hello&Body=&StatusCallback=https://cb');
  });

  it('fails the Post card on a Twilio 400 (API Connector card semantics)', async () => {
    const { transport } = fakeTransport(() => ({
      status: 400,
      body: '{"code":21211,"message":"Invalid To","status":400}',
    }));
    const r = await runFlow(load('send_sms_via_twilio.flopack'), 'SUB - Send SMS via Twilio', inputs, {
      transport,
      connections,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'card-failed', statusCode: 400, card: { uuid: 'j6r-YoNfk', name: 'Post' } },
    });
  });
});

describe('other samples run with stand-ins for their connector cards', () => {
  it('telephony inline hook: If/Else branch, Join, If Error try and error flows, Return Raw', async () => {
    const hook = JSON.stringify({
      requestType: 'com.okta.user.telephony.mfa-verification',
      data: {
        userProfile: { userId: '00u1' },
        messageProfile: { msgTemplate: 'Code 123', phoneNumber: '+14155550100', otpCode: '123' },
      },
    });
    const readUser = (wa: boolean) => ({
      'okta:readUser': () => ({ outputs: { mobilePhone: '+14155550100', whatsappOTP: wa } }),
    });
    const ok = fakeTransport(() => ({ status: 201, body: '{"sid":"SM42"}' }));
    const r = await runFlow(
      load('telephony_inline_hook_whatsapp_sms.flow'),
      'Telephony Inline',
      { body: hook },
      { transport: ok.transport, extraCards: readUser(true) },
    );
    expect(ok.requests[0]!.body).toBe('To=whatsapp:+14155550100&From=whatsapp:<from number>&Body=Code 123\n');
    expect(r.ok && r.raw?.statusCode).toBe(200);
    expect(JSON.parse(String(r.ok && r.raw?.body))).toEqual({
      commands: [
        {
          type: 'com.okta.user.telephony.mfa-verification',
          value: [{ status: 'PENDING', provider: 'Twilio', transactionId: 'SM42' }],
        },
      ],
    });

    const bad = fakeTransport(() => ({ status: 400, body: '{"code":21211,"message":"Invalid To"}' }));
    const e = await runFlow(
      load('telephony_inline_hook_whatsapp_sms.flow'),
      'Telephony Inline',
      { body: hook },
      { transport: bad.transport, extraCards: readUser(false) },
    );
    expect(bad.requests[0]!.body).toBe('To=+14155550100&From=+<from numbner>&Body=Code 123');
    expect(JSON.parse(String(e.ok && e.raw?.body))).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP to +14155550100',
        errorCauses: [{ errorSummary: 'Provider could not deliver OTP', reason: 'Invalid To' }],
      },
    });
  });

  it('event hook batch: API Endpoint body -> JSON Parse -> Get -> Continue If -> For Each helper', async () => {
    const rows: unknown[] = [];
    const body = JSON.stringify({
      data: {
        events: [
          {
            uuid: 'e1',
            eventType: 'user.session.start',
            displayMessage: 'login',
            outcome: { result: 'SUCCESS' },
          },
          { uuid: 'e2', eventType: 'x', displayMessage: 'y', outcome: { result: 'FAILURE' } },
        ],
      },
      eventId: 'batch-1',
    });
    const r = await runFlow(
      load('process_batched_okta_events_from_an_event_hook.flopack'),
      'Process Batched Events',
      { body },
      {
        transport: fakeTransport().transport,
        extraCards: { 'stash:createRow': (ctx) => (rows.push({ ...ctx.inputs }), {}) },
      },
    );
    expect(r.ok).toBe(true);
    // The helper's Continue If keeps only SUCCESS events.
    expect(rows).toEqual([
      {
        stash: 'c3abb369-f4e5-4d08-97e8-c7a48719da4d',
        eventType: 'user.session.start',
        displayMessage: 'login',
        uuid: 'e1',
        eventId: 'batch-1',
      },
    ]);
    const none = await runFlow(
      load('process_batched_okta_events_from_an_event_hook.flopack'),
      'Process Batched Events',
      { body: '{"data":{"events":[]}}' },
      { transport: fakeTransport().transport },
    );
    expect(none).toMatchObject({ ok: true, outputs: {} });
  });

  it('registration inline hook: Get Multiple with a parse transform, If/Else on a table lookup, Return Raw', async () => {
    const body = JSON.stringify({ data: { userProfile: { login: 'ann@allowed.example' } } });
    const run = (found: boolean) =>
      runFlow(
        load('validate_email_domain_using_registration_inline_ho.flopack'),
        'Validate Email Domains During Registration ',
        { body },
        {
          transport: fakeTransport().transport,
          extraCards: {
            'stash:searchRows2': (ctx) => ({
              outputs: { 'Row ID': found && ctx.inputs['pU60RZsoLL'] === 'allowed.example' ? 'row1' : '' },
            }),
          },
        },
      );
    const allow = await run(true);
    expect(JSON.parse(String(allow.ok && allow.raw?.body))).toEqual({
      commands: [{ type: 'com.okta.action.update', value: { registration: 'ALLOW' } }],
    });
    const deny = await run(false);
    expect(JSON.parse(String(deny.ok && deny.raw?.body))).toMatchObject({
      error: {
        errorSummary: 'Invalid domain. Please contact your admin.',
        errorCauses: [{ reason: 'INVALID_EMAIL_DOMAIN' }],
      },
    });
  });

  it('connector event start card + For Each - Ignore Errors over an inline child flow (item groups -> child inputs)', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const roles: Record<string, string> = { '00u1': 'Support', '00u2': 'Sales', '00u3': 'SUPPORT' };
    const r = await runFlow(
      load('intro_custom_api_actions.flopack'),
      'Add user to admin role',
      {
        collection: Object.keys(roles).map((id) => ({
          Output: { 'Event Type': 'user.lifecycle.create', 'Okta User': { ID: id } },
        })),
      },
      {
        transport: fakeTransport().transport,
        extraCards: {
          'okta:readUser': (ctx) => ({ outputs: { role: roles[String(ctx.inputs['ID or Login'])] } }),
          'okta:hTTPRequest': (ctx) => (calls.push({ ...ctx.inputs }), { outputs: { 'Status Code': 200 } }),
        },
      },
    );
    expect(r.ok).toBe(true);
    // Continue If (role lower-cased == "support") lets two of the three users through.
    expect(calls).toEqual(
      ['00u1', '00u3'].map((id) => ({
        requestType: 'POST',
        'Relative URL': `/api/v1/users/${id}/roles`,
        Query: {},
        Headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        Body: { type: 'HELP_DESK_ADMIN' },
      })),
    );
  });

  it('running a sample with an unsupported card reports that card', async () => {
    const r = await runFlow(
      load('raw_http_connection_gsuite.flopack'),
      'Gsuite test',
      {},
      { transport: fakeTransport().transport },
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'unsupported-card',
        flow: 'Gsuite test',
        card: { name: 'Create Group', address: 'root:channels:http:googledirectory:1.0.250:createGroup' },
      },
    });
  });
});

describe('card retry settings (issue 18 #6)', () => {
  const refused = async (): Promise<never> => {
    const { TransportError } = await import('../../src/simulate/transport.js');
    throw new TransportError('POST http://127.0.0.1:9: connect ECONNREFUSED');
  };

  it('runs the unmodified sample (3 retries, 120 s apart) against a refused connection in simulated time', async () => {
    const flopack = load('make_api_requests_http_card.flopack');
    const started = performance.now();
    const r = await runFlow(flopack, 'Pet Store API-start to test endpoint', {}, { transport: refused });
    expect(r.ok).toBe(false);
    // Real time would be 360 s; the delays pass on the simulated clock.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('clamps retry: 1e9 and delay: 2e9 to Okta bounds and counts each retry as a step', async () => {
    const flopack = load('make_api_requests_http_card.flopack');
    const text = JSON.stringify(flopack).replaceAll(
      '"delay":120000,"retry":3',
      '"delay":2000000000,"retry":1000000000',
    );
    const waits: number[] = [];
    const r = await runFlow(
      JSON.parse(text) as Flopack,
      'Pet Store API-start to test endpoint',
      {},
      {
        transport: refused,
        sleep: async (ms) => void waits.push(ms),
        maxSteps: 10_000,
      },
    );
    expect(r.ok).toBe(false);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.length).toBeLessThanOrEqual(5 * 5);
    expect(new Set(waits)).toEqual(new Set([300_000]));
  });

  it('stops retrying at the step limit', async () => {
    const flopack = load('make_api_requests_http_card.flopack');
    const r = await runFlow(
      flopack,
      'Pet Store API-start to test endpoint',
      {},
      { transport: refused, maxSteps: 3 },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('step-limit');
  });
});
