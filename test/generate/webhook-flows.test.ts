import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { lintFlopack } from '../../src/lint/index.js';
import { deliveryInputs } from '../../src/scenario/webhook-delivery.js';
import type { WebhookEvent } from '../../src/spec/types.js';
import { validateObject, withSpec } from '../spec/helpers.js';
import { runBuilt } from './run-action.js';

/**
 * A webhook event built from the spec and run in the simulator: the registration flow sends the Event URL and keeps
 * the id the service answers with, the deregistration sends it back, and the event flow turns a delivery into the
 * card's outputs or stops at its filter.
 */
const EVENT: WebhookEvent = {
  type: 'webhook',
  name: 'New Delivery',
  description: 'Starts for each delivery.',
  options: [
    { key: 'topic', label: 'Topic', type: 'text', required: true },
    { key: 'tag', label: 'Tag', type: 'text' },
  ],
  registration: {
    request: {
      method: 'POST',
      path: '/webhooks',
      body: {
        encoding: 'json',
        fields: { url: '${inputs.eventUrl}', topic: '${options.topic}', tag: '${options.tag}' },
      },
    },
    keep: 'data.id',
  },
  deregistration: { request: { method: 'DELETE', path: '/webhooks/${inputs.registrationData}' } },
  payload: {
    when: { path: 'account', equals: '${connection.accountId}' },
    outputs: [
      { key: 'id', label: 'ID', type: 'text', path: 'data.id' },
      { key: 'count', label: 'Count', type: 'number', path: 'data.count' },
      { key: 'sig', label: 'Signature', type: 'text', from: 'headers', path: 'X-Signature' },
      { key: 'q', label: 'Q', type: 'text', from: 'query', path: 'q' },
    ],
  },
};
const spec = withSpec((s) => (s.events = [EVENT]));
const URL_ = 'https://org.workflows.okta.com/api/flo/abc/invoke';

describe('webhook event flows', () => {
  it('validate cleanly, build three flows of their kinds, and pass our lint', async () => {
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
    const built = generateConnector(spec);
    expect(built.flows.filter((f) => f.webhookEvent).map((f) => [f.kind, f.name])).toEqual([
      ['registration', 'New Delivery Registration'],
      ['deregistration', 'New Delivery Deregistration'],
      ['webhook', 'New Delivery'],
    ]);
    expect(lintFlopack(built.flopack).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('registration: sends the Event URL and the mapped options (empty ones left out), returns the kept id', async () => {
    const { result, requests } = await runBuilt(
      spec,
      'New Delivery Registration',
      { eventUrl: URL_, topic: 'orders' },
      undefined,
      () => ({ status: 201, headers: {}, body: JSON.stringify({ data: { id: 'wh_42' } }) }),
    );
    expect(result).toMatchObject({ ok: true, outputs: { registrationData: 'wh_42' } });
    expect(requests.map((r) => [r.method, new URL(r.url).pathname, JSON.parse(String(r.body))])).toEqual([
      ['POST', '/v1/accounts/A1/webhooks', { url: URL_, topic: 'orders' }],
    ]);
  });

  it('registration: a refusal is the flow’s error, with the service’s message', async () => {
    const { result } = await runBuilt(
      spec,
      'New Delivery Registration',
      { eventUrl: 'x', topic: 't' },
      undefined,
      () => ({
        status: 422,
        headers: {},
        body: JSON.stringify({ message: 'url must be https' }),
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { statusCode: 422, message: 'url must be https' } });
  });

  it('deregistration: sends the Registration data back', async () => {
    const { result, requests } = await runBuilt(
      spec,
      'New Delivery Deregistration',
      { registrationData: 'wh_42', topic: 'orders' },
      undefined,
      () => ({ status: 204, headers: {}, body: '' }),
    );
    expect(result).toMatchObject({ ok: true, outputs: { status_code: 204 } });
    expect(requests.map((r) => [r.method, new URL(r.url).pathname])).toEqual([
      ['DELETE', '/v1/accounts/A1/webhooks/wh_42'],
    ]);
  });

  it('event: a delivery becomes the outputs (JSON body, header any case, query) without a request', async () => {
    const delivery = deliveryInputs({
      body: JSON.stringify({ account: 'A1', data: { id: 'e1', count: 3 } }),
      contentType: 'application/json',
      headers: { 'X-Signature': 's1' },
      query: { q: 'yes' },
    });
    const { result, requests } = await runBuilt(spec, 'New Delivery', { topic: 'orders', ...delivery });
    expect(result).toEqual(
      expect.objectContaining({ ok: true, outputs: { id: 'e1', count: 3, sig: 's1', q: 'yes' } }),
    );
    expect(result.ok && result.stopped).toBeFalsy();
    expect(requests).toEqual([]);
  });

  it('event: a delivery the filter does not match stops the flow quietly', async () => {
    const delivery = deliveryInputs({ body: { account: 'OTHER', data: { id: 'e1' } } });
    const { result } = await runBuilt(spec, 'New Delivery', { topic: 'orders', ...delivery });
    expect(result).toMatchObject({ ok: true, outputs: {}, stopped: true });
  });

  it('the build sheet names Okta’s cards and hides what they build in', () => {
    const built = generateConnector(spec);
    const sheet = buildSheetModel(spec, built.flopack, built.flows);
    const byName = (n: string) => sheet.flows.find((f) => f.name === n)!;
    const reg = byName('New Delivery Registration');
    const ev = byName('New Delivery');
    expect([reg.startCard, reg.endCard, byName('New Delivery Deregistration').startCard]).toEqual([
      'Webhook Registration',
      'Flow Control - Return',
      'Webhook Deregistration',
    ]);
    expect(reg.inputs.map((i) => i.label)).toEqual(['Topic', 'Tag']);
    expect(reg.outputs.map((o) => o.label)).toEqual(['Registration data']);
    expect(ev.startCard).toBe('Webhook Event');
    expect(ev.inputs).toEqual([]);
    expect(ev.options.map((o) => o.label)).toEqual(['Topic', 'Tag']);
    expect(ev.webhook).toMatchObject({ isEvent: true, registrationFlow: 'New Delivery Registration' });
    const cards = ev.entries.flatMap((e) => (e.card ? [e.card.type] : []));
    expect(cards).toContain('Branching - Continue If');
  });
});

describe('webhook delivery (the platform stand-in)', () => {
  it('parses form bodies (repeated fields as lists), lower-cases header names, keeps text it cannot parse', () => {
    expect(
      deliveryInputs({
        body: 'From=%2B1415&Body=a+b&MediaUrl=1&MediaUrl=2',
        contentType: 'application/x-www-form-urlencoded',
        headers: { 'X-Twilio-Signature': 'abc' },
      }),
    ).toEqual({
      body: { From: '+1415', Body: 'a b', MediaUrl: ['1', '2'] },
      headers: { 'x-twilio-signature': 'abc', 'content-type': 'application/x-www-form-urlencoded' },
      query: {},
    });
    expect(deliveryInputs({ body: '<xml/>', contentType: 'text/xml' }).body).toBe('<xml/>');
  });
});
