import { describe, expect, it } from 'vitest';
import { events } from '../../../src/spec/rules/events.js';
import type { PollingEvent } from '../../../src/spec/types.js';
import { runRule, withSpec } from '../helpers.js';

const withEvent = (change: (e: PollingEvent) => void = () => {}) =>
  withSpec((s) => {
    const event: PollingEvent = {
      name: 'New Item',
      description: 'Runs for each new item.',
      options: [{ key: 'list', label: 'List', type: 'text' }],
      request: {
        method: 'GET',
        path: '/accounts/${connection.accountId}/items',
        query: { list: '${options.list}', since: '${inputs.cursor}' },
      },
      items: 'items',
      cursor: 'items.0.created',
    };
    change(event);
    s.events = [event];
  });

describe('events', () => {
  it('accepts a GET that reads the connection, its options and the cursor', () => {
    expect(runRule(events, withEvent())).toEqual([]);
  });

  it('refuses a name of Okta’s wrong kind or an action’s, a POST, and placeholders it cannot fill', () => {
    const taken = runRule(
      events,
      withEvent((e) => {
        e.name = 'Send Message';
        e.request = { method: 'POST', path: '/items', query: { to: '${inputs.to}' } };
      }),
    );
    expect(taken.map((f) => f.pointer)).toEqual([
      '/events/0/name',
      '/events/0/request/method',
      '/events/0/request',
    ]);
    expect(taken[2]!.message).toContain('found ${inputs.to}');
    const badName = runRule(
      events,
      withEvent((e) => (e.name = 'New_Item!')),
    );
    expect(badName[0]).toMatchObject({ code: 'OC-SPEC-EVENT', pointer: '/events/0/name' });
  });
});
