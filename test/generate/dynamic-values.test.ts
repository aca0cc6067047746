import { describe, expect, it } from 'vitest';
import { runBuilt } from './run-action.js';
import { withSpec } from '../spec/helpers.js';
import { validateObject } from '../spec/helpers.js';
import { generateConnector } from '../../src/generate/index.js';

/**
 * Design-time helper flows, run by the simulator as Connector Builder would when a card is placed: a dynamic
 * dropdown's values `[{value, key}]` and a dynamic input group's fields `[{name, displayname}]`, each built from the
 * service's list through Map and a processing flow; the group's values then travel in the request.
 */
const spec = withSpec((s) => {
  const action = s.actions[0]!;
  action.options = [
    {
      key: 'from',
      label: 'From',
      type: 'dropdown',
      required: true,
      dynamic: {
        request: { method: 'GET', path: '/numbers' },
        items: 'numbers',
        label: 'name',
        value: 'e164',
      },
    },
  ];
  action.dynamicInputs = {
    key: 'custom',
    label: 'Custom Fields',
    request: { method: 'GET', path: '/fields', query: { account: '${connection.accountId}' } },
    items: 'data.fields',
    name: 'id',
    displayName: 'title',
  };
  action.request = {
    method: 'POST',
    path: '/messages',
    body: {
      encoding: 'json',
      fields: { to: '${inputs.to}', from: '${options.from}', custom: '${inputs.custom}' },
    },
  };
});

const answer = (body: unknown) => () => ({ status: 200, headers: {}, body: JSON.stringify(body) });

describe('dynamic dropdowns and dynamic input groups', () => {
  it('the spec validates and builds the two flows of each, before the action', async () => {
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
    const names = generateConnector(spec).flows.map((f) => [f.kind, f.name]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['values', 'Send Message From Value'],
        ['values', 'Send Message From Values'],
        ['values', 'Send Message Custom Fields Field'],
        ['values', 'Send Message Custom Fields Fields'],
      ]),
    );
  });

  it("lists the dropdown's values as Connector Builder reads them", async () => {
    const { result, requests } = await runBuilt(
      spec,
      'Send Message From Values',
      {},
      undefined,
      answer({
        numbers: [
          { name: 'Main line', e164: '+15550001' },
          { name: 'Support', e164: '+15550002' },
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      outputs: {
        options: [
          { value: 'Main line', key: '+15550001' },
          { value: 'Support', key: '+15550002' },
        ],
      },
    });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /v1/accounts/A1/numbers',
    ]);
  });

  it("lists the group's fields, reading the connection, and sends the values entered in the request", async () => {
    const fields = await runBuilt(
      spec,
      'Send Message Custom Fields Fields',
      {},
      undefined,
      answer({
        data: {
          fields: [
            { id: 'f1', title: 'Department' },
            { id: 'f2', title: 'Cost centre' },
          ],
        },
      }),
    );
    expect(fields.result).toMatchObject({
      ok: true,
      outputs: {
        fields: [
          { name: 'f1', displayname: 'Department' },
          { name: 'f2', displayname: 'Cost centre' },
        ],
      },
    });
    expect(new URL(fields.requests[0]!.url).searchParams.get('account')).toBe('A1');
    const sent = await runBuilt(spec, 'Send Message', {
      from: '+15550001',
      to: '+15559999',
      custom: { f1: 'Sales' },
    });
    expect(sent.result.ok).toBe(true);
    expect(JSON.parse(sent.requests[0]!.body!)).toEqual({
      to: '+15559999',
      from: '+15550001',
      custom: { f1: 'Sales' },
    });
  });

  it('a group left empty is not sent, as any empty optional value', async () => {
    const sent = await runBuilt(spec, 'Send Message', { from: '+15550001', to: '+15559999' });
    expect(JSON.parse(sent.requests[0]!.body!)).toEqual({ to: '+15559999', from: '+15550001' });
  });
});
