import { describe, expect, it } from 'vitest';
import { withSpec } from '../spec/helpers.js';
import { runBuilt } from './run-action.js';

describe('httpHelper', () => {
  it('fills ${connection.x} in default headers', async () => {
    const spec = withSpec(
      (s) => (s.defaultHeaders = { Accept: 'application/json', 'X-Account': 'acct-${connection.accountId}' }),
    );
    const { requests } = await runBuilt(spec, 'Send Message', { from: 'f', to: 't' });
    expect(requests[0]!.headers).toMatchObject({ Accept: 'application/json', 'X-Account': 'acct-A1' });
  });

  it('sends Content-Type only with a body: none on the authping GET or a DELETE without body', async () => {
    const spec = withSpec((s) => {
      s.actions.push({
        name: 'Delete Message',
        description: 'Delete one.',
        inputs: [{ key: 'id', label: 'ID', type: 'text', required: true }],
        request: { method: 'DELETE', path: '/messages/${inputs.id}' },
      });
    });
    const contentType = (h: Record<string, string>) =>
      Object.keys(h).filter((k) => k.toLowerCase() === 'content-type');
    const ping = await runBuilt(spec, '_authping', {});
    expect(contentType(ping.requests[0]!.headers)).toEqual([]);
    const del = await runBuilt(spec, 'Delete Message', { id: 'm1' });
    expect(contentType(del.requests[0]!.headers)).toEqual([]);
    expect(del.requests[0]!.body).toBeUndefined();
    const send = await runBuilt(spec, 'Send Message', { from: 'f', to: 't' });
    expect(send.requests[0]!.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  });
});
