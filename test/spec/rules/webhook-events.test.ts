import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/source/document.js';
import { webhookEvents } from '../../../src/spec/rules/webhook-events.js';
import type { WebhookEvent } from '../../../src/spec/types.js';
import { validateSpec } from '../../../src/spec/validate.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

function webhookEvent(): WebhookEvent {
  return {
    type: 'webhook',
    name: 'New Delivery',
    description: 'Starts for each delivery.',
    options: [{ key: 'topic', label: 'Topic', type: 'text', required: true }],
    registration: {
      request: {
        method: 'POST',
        path: '/webhooks',
        body: { encoding: 'json', fields: { url: '${inputs.eventUrl}', topic: '${options.topic}' } },
      },
      keep: 'id',
    },
    deregistration: { request: { method: 'DELETE', path: '/webhooks/${inputs.registrationData}' } },
    payload: {
      when: { path: 'account', equals: '${connection.accountId}' },
      outputs: [
        { key: 'id', label: 'ID', type: 'text', path: 'data.id' },
        { key: 'sig', label: 'Signature', type: 'text', from: 'headers', path: 'X-Signature' },
      ],
    },
  };
}
const withWebhook = (change: (e: WebhookEvent) => void = () => {}) =>
  withSpec((s) => {
    const event = webhookEvent();
    change(event);
    s.events = [event];
  });

describe('webhook-events', () => {
  it('accepts a registration that sends the Event URL, a deregistration by the kept id, and readable outputs', () => {
    expect(runRule(webhookEvents, withWebhook())).toEqual([]);
  });

  it('refuses a registration that never sends ${inputs.eventUrl} and placeholders out of scope, with pointers', () => {
    const found = runRule(
      webhookEvents,
      withWebhook((e) => {
        e.registration.request.body = { encoding: 'json', fields: { topic: '${options.topik}' } };
        e.deregistration.request.path = '/webhooks/${inputs.eventUrl}';
        e.payload.when = { path: 'a', equals: '${inputs.x}' };
      }),
    );
    expect(found.map((f) => [f.code, f.pointer])).toEqual([
      ['OC-SPEC-WEBHOOK', '/events/0/registration/request/body/fields/topic'],
      ['OC-SPEC-WEBHOOK', '/events/0/registration/request'],
      ['OC-SPEC-WEBHOOK', '/events/0/deregistration/request/path'],
      ['OC-SPEC-WEBHOOK', '/events/0/payload/when/equals'],
    ]);
    expect(found[0]!.hint).toContain('topic');
    expect(found[2]!.message).toContain('found ${inputs.eventUrl}');
  });

  it('refuses a malformed placeholder, which would otherwise be sent as text', () => {
    const found = runRule(
      webhookEvents,
      withWebhook((e) => (e.deregistration.request.path = '/webhooks/${inputs.registrationData')),
    );
    expect(found.map((f) => f.pointer)).toEqual(['/events/0/deregistration/request/path']);
  });

  it('refuses duplicate output keys, a header output without a name, a * path, and a generated name taken', () => {
    const spec = withWebhook((e) => {
      e.payload.outputs = [
        { key: 'id', label: 'ID', type: 'text', path: 'items.*.id' },
        { key: 'id', label: 'Again', type: 'text', from: 'headers' },
      ];
    });
    spec.actions[0]!.name = 'New Delivery Registration';
    expect(runRule(webhookEvents, spec).map((f) => f.pointer)).toEqual([
      '/events/0/name',
      '/events/0/payload/outputs/0/path',
      '/events/0/payload/outputs/1/key',
      '/events/0/payload/outputs/1/path',
    ]);
  });

  it('reports file, line and column through validate, and the schema keeps polling the default', () => {
    const spec = baseSpec();
    const event = webhookEvent();
    event.registration.request.body = { encoding: 'json', fields: { url: '${inputs.eventUrl}' } };
    event.deregistration.request.path = '/webhooks/${inputs.nope}';
    spec.events = [event];
    const text = stringify(spec);
    const found = validateSpec(parseSource(text, 'connector.yaml'), process.cwd()).filter(
      (d) => d.code === 'OC-SPEC-WEBHOOK',
    );
    expect(found).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('/webhooks/${inputs.nope}')) + 1;
    expect(found[0]).toMatchObject({ file: 'connector.yaml', line });
    expect(found[0]!.column).toBeGreaterThan(1);

    // Without `type`, an event is a polling monitor: a webhook event's keys are refused there by the schema.
    const untyped = { ...webhookEvent() } as Partial<WebhookEvent>;
    delete untyped.type;
    const s2 = baseSpec() as unknown as Record<string, unknown>;
    s2.events = [untyped];
    const schema = validateSpec(parseSource(stringify(s2), 'connector.yaml'), process.cwd());
    expect(schema.some((d) => d.severity === 'error' && d.pointer?.startsWith('/events/0'))).toBe(true);
  });
});
