import twilio6 from 'twilio';
import twilio5 from 'twilio5';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CREDENTIALS as C,
  DEFAULT_MESSAGING_SERVICE_SID as MG,
} from '../../../src/mock/twilio/defaults.js';
import { localClient, useMock } from './helpers.js';

type Sdk = typeof twilio6;
const cases = [
  ['twilio 6.x', twilio6, 'api-key'],
  ['twilio 6.x', twilio6, 'auth-token'],
  ['twilio 5.x', twilio5 as unknown as Sdk, 'api-key'],
  ['twilio 5.x', twilio5 as unknown as Sdk, 'auth-token'],
] as const;

describe.each(cases)('the official %s client with an %s works against the mock', (_name, sdk, creds) => {
  const mock = useMock();
  beforeEach(() => mock().reset());

  it('creates SMS, WhatsApp, Messaging Service and media messages', async () => {
    const client = localClient(sdk, mock().url, creds);
    const sms = await client.messages.create({ to: '+14155550100', from: '+15005550006', body: 'hello' });
    expect(sms.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sms.status).toBe('queued');
    expect(sms.dateCreated).toBeInstanceOf(Date);
    expect(sms.numSegments).toBe('1');
    const wa = await client.messages.create({
      to: 'whatsapp:+14155550100',
      from: 'whatsapp:+14155238886',
      body: 'hi',
    });
    expect(wa.to).toBe('whatsapp:+14155550100');
    const svc = await client.messages.create({ to: '+14155550100', messagingServiceSid: MG, body: 'svc' });
    expect(svc.status).toBe('accepted');
    expect(svc.from).toBeNull();
    const mms = await client.messages.create({
      to: '+14155550100',
      from: '+15005550006',
      mediaUrl: ['https://e.x/a.png', 'https://e.x/b.png'],
    });
    expect(mms.sid).toMatch(/^MM/);
    expect(mms.numMedia).toBe('2');
    const form = mock().requests().at(-1)!.form!;
    expect(form.MediaUrl).toEqual(['https://e.x/a.png', 'https://e.x/b.png']);
    expect(mock().requests().at(-1)!.authUser).toBe(creds === 'api-key' ? C.apiKeySid : C.accountSid);
  });

  it('fetches, lists with paging to the end, and removes', async () => {
    const client = localClient(sdk, mock().url, creds);
    const sids: string[] = [];
    for (let i = 0; i < 5; i++)
      sids.push(
        (await client.messages.create({ to: '+14155550100', from: '+15005550006', body: `m${i}` })).sid,
      );
    await mock().settle();
    const fetched = await client.messages(sids[0]!).fetch();
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateSent).toBeInstanceOf(Date);
    const listed = await client.messages.list({ pageSize: 2 });
    expect(listed.map((m) => m.sid)).toEqual([...sids].reverse());
    const gets = mock()
      .requests()
      .filter((r) => r.method === 'GET' && r.path.endsWith('/Messages.json'));
    expect(gets).toHaveLength(3);
    const filtered = await client.messages.list({
      to: '+14155550100',
      dateSentAfter: new Date(Date.now() - 60_000),
      pageSize: 3,
    });
    expect(filtered).toHaveLength(5);
    expect(await client.messages(sids[0]!).remove()).toBe(true);
    expect(
      mock()
        .messages()
        .map((m) => m.sid),
    ).not.toContain(sids[0]);
    const redacted = await client.messages(sids[1]!).update({ body: '' });
    expect(redacted.body).toBe('');
  });

  it('surfaces errors as RestException with Twilio code and status', async () => {
    const client = localClient(sdk, mock().url, creds);
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => expect.unreachable(),
        (e: unknown) => e,
      );
    const invalid = await fail(client.messages.create({ to: '+1asd', from: '+15005550006', body: 'x' }));
    expect(invalid).toBeInstanceOf(sdk.RestException);
    expect(invalid).toMatchObject({
      status: 400,
      code: 21211,
      message: "The 'To' number +1asd is not a valid phone number.",
    });
    expect(invalid).toMatchObject({ moreInfo: 'https://www.twilio.com/docs/errors/21211' });
    const missing = await fail(client.messages('SM00000000000000000000000000000000').fetch());
    expect(missing).toMatchObject({ status: 404, code: 20404 });
    const wrong = await fail(
      sdk(C.apiKeySid, 'wrong-secret', {
        accountSid: C.accountSid,
        httpClient: (client as any).httpClient,
      }).messages.list(),
    );
    expect(wrong).toBeInstanceOf(sdk.RestException);
    expect(wrong).toMatchObject({ status: 401, code: 20003, message: 'Authenticate' });
    mock().addFault({ route: 'messages.create', kind: 'rate-limit' });
    const limited = await fail(
      client.messages.create({ to: '+14155550100', from: '+15005550006', body: 'x' }),
    );
    expect(limited).toMatchObject({ status: 429, code: 20429, message: 'Too Many Requests' });
  });
});

describe('reference §1.3 (A): client.api.baseUrl also reaches the mock', () => {
  const mock = useMock();
  it('creates and pages with baseUrl set (region and edge neutralised)', async () => {
    const client = twilio6(C.apiKeySid, C.apiKeySecret, {
      accountSid: C.accountSid,
      region: '',
      edge: '',
    } as never);
    client.api.baseUrl = mock().url;
    await client.messages.create({ to: '+14155550100', from: '+15005550006', body: 'a' });
    await client.messages.create({ to: '+14155550100', from: '+15005550006', body: 'b' });
    const page = await client.messages.page({ pageSize: 1 });
    expect(page.instances).toHaveLength(1);
    expect(page.nextPageUrl).toMatch(new RegExp(`^${mock().url}/2010-04-01/.*PageToken=PA`));
    const next = await page.nextPage();
    expect(next!.instances[0]!.body).toBe('a');
    expect(next!.nextPageUrl).toBeUndefined();
  });
});
