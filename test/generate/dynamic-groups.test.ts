import { describe, expect, it } from 'vitest';
import { runBuilt } from './run-action.js';
import { customFieldsInputs, customFieldsOutputs } from '../helpers/dynamic-groups.js';
import { runRule, validateObject, withSpec } from '../spec/helpers.js';
import { generateConnector } from '../../src/generate/index.js';
import { dynamicGroups } from '../../src/spec/rules/dynamic-groups.js';
import { DYNAMIC_FIELDS } from '../../src/connector/contract.js';
import type { ConnectorSpec } from '../../src/spec/types.js';

/**
 * Dynamic output groups (Okta's first shape, `[{name, displayname, type}]`, listed by a helper flow at design time;
 * the values are the object the service returns) and dynamic group properties (the second shape, inputs only:
 * `{name, extensible, fields}`), built and run by the simulator as Connector Builder would.
 */
const spec = withSpec((s) => {
  const action = s.actions[0]!;
  action.name = 'Get Profile';
  action.options = [];
  action.inputs = [{ key: 'user', label: 'User', type: 'text', required: true }];
  action.request = { method: 'GET', path: '/users/${inputs.user}' };
  action.outputs = [{ key: 'id', label: 'ID', type: 'text', from: 'body', path: 'user.id' }];
  action.dynamicOutputs = customFieldsOutputs({
    request: { method: 'GET', path: '/fields', query: { account: '${connection.accountId}' } },
    displayName: 'label',
    type: 'object',
    path: 'user.custom',
  });
});

const answer = (body: unknown) => () => ({ status: 200, headers: {}, body: JSON.stringify(body) });
/** Runs a group's listing flow (it takes no inputs), the service answering `body`. */
const listFields = (spec: ConnectorSpec, flow: string, body: unknown) =>
  runBuilt(spec, flow, {}, undefined, answer(body));
const FIELDS = {
  fields: [
    { id: 'f1', label: 'Department' },
    { id: 'f2', label: 'Desk' },
  ],
};

describe('dynamic output groups', () => {
  it('validate accepts the spec and build writes the two flows before the action', async () => {
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
    const flows = generateConnector(spec).flows.map((f) => [f.kind, f.name]);
    const at = (name: string) => flows.findIndex((f) => f[1] === name);
    expect(at('Get Profile Custom Fields Fields')).toBeGreaterThan(-1);
    expect(at('Get Profile Custom Fields Field')).toBeGreaterThan(-1);
    expect(at('Get Profile Custom Fields Fields')).toBeLessThan(at('Get Profile'));
  });

  it("lists the fields in Okta's first shape, with the data type the spec names", async () => {
    const { result, requests } = await listFields(spec, 'Get Profile Custom Fields Fields', FIELDS);
    expect(result).toMatchObject({
      ok: true,
      outputs: {
        fields: [
          { name: 'f1', displayname: 'Department', type: 'Object' },
          { name: 'f2', displayname: 'Desk', type: 'Object' },
        ],
      },
    });
    expect(new URL(requests[0]!.url).searchParams.get('account')).toBe('A1');
  });

  it('returns the values the service answers as one object beside the static outputs', async () => {
    const { result } = await runBuilt(
      spec,
      'Get Profile',
      { user: 'U1' },
      undefined,
      answer({ user: { id: 'U1', custom: { f1: { value: 'Sales' }, f2: { value: '4B' } } } }),
    );
    expect(result).toMatchObject({
      ok: true,
      outputs: { id: 'U1', custom: { f1: { value: 'Sales' }, f2: { value: '4B' } } },
    });
  });

  it("names the listing flow on the Return card's field (the stand-in for the Dynamic Output Group)", () => {
    const built = generateConnector(spec);
    const listId = built.flows.find((f) => f.name === 'Get Profile Custom Fields Fields')!.floId;
    const action = built.flopack.data.flos[built.flows.find((f) => f.name === 'Get Profile')!.floId]!;
    const fields = Object.values(action.data.methods).flatMap((card) =>
      Object.values(card.node.model.inputs?.data ?? {}),
    );
    const custom = fields.find((f) => f.key === 'custom' && f.metadata?.[DYNAMIC_FIELDS.metadataKey]);
    expect(custom?.metadata).toMatchObject({ displayname: 'Custom Fields', dynamicFields: { flo: listId } });
  });

  it('refuses a listing that reads an input, a key another output has, and a label the input group has', () => {
    const bad: ConnectorSpec = withSpec((s) => {
      const action = s.actions[0]!;
      action.dynamicInputs = customFieldsInputs({ key: 'extra' });
      action.dynamicOutputs = {
        key: 'id',
        label: 'custom fields',
        request: { method: 'POST', path: '/fields/${inputs.to}' },
        items: 'fields',
        name: 'id',
        path: '',
      };
    });
    expect(runRule(dynamicGroups, bad).map((f) => [f.pointer, f.message])).toEqual([
      ['/actions/0/dynamicOutputs/request/method', 'the fields of "id" are listed with a GET without a body'],
      [
        '/actions/0/dynamicOutputs/request',
        'the fields of "id" are listed before the card is filled in, so the request may use ${connection.<key>} only; found ${inputs.to}',
      ],
      [
        '/actions/0/dynamicOutputs/key',
        'action "Send Message" already has an output "id"; the dynamic output group is one more output',
      ],
      [
        '/actions/0/dynamicOutputs/label',
        'the dynamic input and output groups of "Send Message" are both labelled "custom fields", so their helper flows would share a name (CBDE000001H)',
      ],
    ]);
  });

  it('refuses group properties on an output group, at its line', async () => {
    const withProps = structuredClone(spec) as unknown as {
      actions: Array<Record<string, Record<string, unknown>>>;
    };
    withProps.actions[0]!['dynamicOutputs']!['groupProperties'] = { name: 'Custom' };
    const errors = (await validateObject(withProps)).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ pointer: expect.stringContaining('/actions/0/dynamicOutputs') });
    expect(errors[0]!.line).toBeGreaterThan(1);
  });
});

describe('dynamic group properties (inputs)', () => {
  const withProps = withSpec((s) => {
    const action = s.actions[0]!;
    action.dynamicInputs = customFieldsInputs({
      displayName: 'label',
      groupProperties: { name: 'Profile Attributes', extensible: true },
    });
    action.request.body = {
      encoding: 'json',
      fields: {
        to: '${inputs.to}',
        from: '${options.from}',
        body: '${inputs.body}',
        custom: '${inputs.custom}',
      },
    };
  });

  it("returns Okta's second shape: the group's name and extensibility with the fields", async () => {
    expect((await validateObject(withProps)).filter((d) => d.severity === 'error')).toEqual([]);
    const { result } = await listFields(withProps, 'Send Message Custom Fields Fields', FIELDS);
    expect(result).toMatchObject({
      ok: true,
      outputs: {
        group: {
          name: 'Profile Attributes',
          extensible: true,
          fields: [
            { name: 'f1', displayname: 'Department', type: 'Text' },
            { name: 'f2', displayname: 'Desk', type: 'Text' },
          ],
        },
      },
    });
  });

  it('sends the values entered, including fields the card user added', async () => {
    const { result, requests } = await runBuilt(withProps, 'Send Message', {
      from: '+1555',
      to: '+1666',
      custom: { f1: 'Sales', added_by_user: 'yes' },
    });
    expect(result.ok).toBe(true);
    expect(JSON.parse(requests[0]!.body!)).toEqual({
      to: '+1666',
      from: '+1555',
      custom: { f1: 'Sales', added_by_user: 'yes' },
    });
  });
});

describe("each field's type and required flag from the service (Okta's HTTP example)", () => {
  const typed = withSpec((s) => {
    const action = s.actions[0]!;
    action.dynamicInputs = {
      key: 'custom',
      label: 'Issue Fields',
      request: { method: 'GET', path: '/fields' },
      name: 'key',
      displayName: 'name',
      required: 'required',
      typeFrom: { path: 'schema.type', map: { string: 'text', number: 'number', date: 'datetime' } },
      type: 'object',
    };
    action.request.body = {
      encoding: 'json',
      fields: { to: '${inputs.to}', from: '${options.from}', custom: '${inputs.custom}' },
    };
  });
  // The service's answer in Okta's "Add dynamic input fields: HTTP example", plus a type the map does not name.
  const EXAMPLE = [
    { required: true, schema: { type: 'string' }, name: 'Summary', key: 'summary' },
    { required: false, schema: { type: 'number' }, name: 'Priority', key: 'priority' },
    { required: true, schema: { type: 'date' }, name: 'Due Date', key: 'duedate' },
    { required: false, schema: { type: 'array' }, name: 'Labels', key: 'labels' },
  ];

  it("maps each type to Okta's name, unmapped ones to the group's type, and keeps required", async () => {
    expect((await validateObject(typed)).filter((d) => d.severity === 'error')).toEqual([]);
    const { result } = await listFields(typed, 'Send Message Issue Fields Fields', EXAMPLE);
    expect(result).toMatchObject({
      ok: true,
      outputs: {
        fields: [
          { name: 'summary', displayname: 'Summary', required: true, type: 'Text' },
          { name: 'priority', displayname: 'Priority', required: false, type: 'Number' },
          { name: 'duedate', displayname: 'Due Date', required: true, type: 'Date & Time' },
          { name: 'labels', displayname: 'Labels', required: false, type: 'Object' },
        ],
      },
    });
  });
});
