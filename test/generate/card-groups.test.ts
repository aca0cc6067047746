import { describe, expect, it } from 'vitest';
import { runBuilt } from './run-action.js';
import { customFieldsOutputs } from '../helpers/dynamic-groups.js';
import { validateObject, withSpec } from '../spec/helpers.js';
import { generateConnector } from '../../src/generate/index.js';

/**
 * Extensible input fields (the card user adds fields; they arrive as one object) and selectable outputs (the
 * outputs the card user kept, sent as a `fields` list the way Jira's Get Issue takes it), run by the simulator.
 */
const spec = withSpec((s) => {
  const action = s.actions[0]!;
  action.name = 'Get Issue';
  action.options = [];
  action.inputs = [{ key: 'id', label: 'Issue ID', type: 'text', required: true }];
  action.request = {
    method: 'GET',
    path: '/issues/${inputs.id}',
    query: { fields: '${inputs.fields}' },
  };
  action.outputs = [
    { key: 'summary', label: 'Summary', type: 'text', from: 'body', path: 'fields.summary' },
    { key: 'labels', label: 'Labels', type: 'text', list: true, from: 'body', path: 'fields.labels' },
    { key: 'votes', label: 'Votes', type: 'number', from: 'body', path: 'fields.votes' },
  ];
  action.selectedOutputs = { key: 'fields' };
});

const extensible = withSpec((s) => {
  const action = s.actions[0]!;
  action.extensibleInputs = { key: 'extra', label: 'Additional Fields' };
  action.request.body = {
    encoding: 'json',
    fields: { to: '${inputs.to}', from: '${options.from}', extra: '${inputs.extra}' },
  };
});

describe('selectable outputs', () => {
  it('validates, and the start card carries the Selected Outputs field with every output by default', async () => {
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
    const built = generateConnector(spec);
    const flo = built.flopack.data.flos[built.flows.find((f) => f.name === 'Get Issue')!.floId]!;
    const field = Object.values(flo.data.methods)
      .flatMap((card) => Object.values(card.node.model.inputs?.data ?? {}))
      .find((f) => f.key === 'fields' && f.group === 'Selected Outputs')!;
    expect(field.value.data).toEqual({
      summary: { type: 'Text', collection: false },
      labels: { type: 'Text', collection: true },
      votes: { type: 'Number', collection: false },
    });
  });

  it('sends the keys of every output when the card user kept them all', async () => {
    const { result, requests } = await runBuilt(spec, 'Get Issue', { id: 'PRJ-1' });
    expect(result.ok).toBe(true);
    expect(new URL(requests[0]!.url).searchParams.get('fields')).toBe('summary,labels,votes');
  });

  it('sends only the outputs the card user selected, and nothing when they cleared the list', async () => {
    const some = await runBuilt(spec, 'Get Issue', {
      id: 'PRJ-1',
      fields: { summary: { type: 'Text', collection: false }, votes: { type: 'Number', collection: false } },
    });
    expect(new URL(some.requests[0]!.url).searchParams.get('fields')).toBe('summary,votes');
    const none = await runBuilt(spec, 'Get Issue', { id: 'PRJ-1', fields: {} });
    expect(new URL(none.requests[0]!.url).searchParams.has('fields')).toBe(false);
  });
});

describe('extensible input fields', () => {
  it('sends the fields the card user added as one object, and nothing when none were added', async () => {
    expect((await validateObject(extensible)).filter((d) => d.severity === 'error')).toEqual([]);
    const added = await runBuilt(extensible, 'Send Message', {
      from: '+1555',
      to: '+1666',
      extra: { priority: 'high', tags: ['a', 'b'] },
    });
    expect(added.result.ok).toBe(true);
    expect(JSON.parse(added.requests[0]!.body!)).toEqual({
      to: '+1666',
      from: '+1555',
      extra: { priority: 'high', tags: ['a', 'b'] },
    });
    const none = await runBuilt(extensible, 'Send Message', { from: '+1555', to: '+1666' });
    expect(JSON.parse(none.requests[0]!.body!)).toEqual({ to: '+1666', from: '+1555' });
  });

  it('refuses a group key another input has, at its line', async () => {
    const clash = withSpec((s) => {
      s.actions[0]!.extensibleInputs = { key: 'to', label: 'More' };
    });
    const errors = (await validateObject(clash)).filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.code, e.pointer])).toContainEqual([
      'OC-SPEC-DUPLICATE-KEY',
      '/actions/0/extensibleInputs/key',
    ]);
  });
});

describe('selected-outputs rule', () => {
  it('refuses a selection on a card without outputs and warns when the request never sends it', async () => {
    const bad = withSpec((s) => {
      s.actions[0]!.outputs = [];
      s.actions[0]!.selectedOutputs = { key: 'fields' };
    });
    const found = (await validateObject(bad)).filter((d) => d.code === 'OC-SPEC-SELECTED-OUTPUTS');
    expect(found.map((d) => [d.severity, d.pointer])).toEqual([
      ['error', '/actions/0/selectedOutputs'],
      ['warning', '/actions/0/selectedOutputs/key'],
    ]);
    expect(found[0]!.line).toBeGreaterThan(1);
  });
});

describe("a dynamic output group's selection", () => {
  const dynamic = withSpec((s) => {
    const action = s.actions[0]!;
    action.request.query = { fields: '${inputs.picked}' };
    action.dynamicOutputs = customFieldsOutputs({ path: 'custom' });
    action.selectedOutputs = { key: 'picked', group: 'dynamicOutputs', separator: ' ' };
  });

  it('sends the dynamic fields the card user kept, and nothing by default', async () => {
    expect((await validateObject(dynamic)).filter((d) => d.severity === 'error')).toEqual([]);
    const kept = await runBuilt(dynamic, 'Send Message', {
      from: '+1',
      to: '+2',
      picked: { f1: { type: 'Text', collection: false }, f7: { type: 'Text', collection: false } },
    });
    expect(new URL(kept.requests[0]!.url).searchParams.get('fields')).toBe('f1 f7');
    const none = await runBuilt(dynamic, 'Send Message', { from: '+1', to: '+2' });
    expect(new URL(none.requests[0]!.url).searchParams.has('fields')).toBe(false);
  });

  it('refuses a dynamic selection on a card without a dynamic output group', async () => {
    const bad = withSpec((s) => {
      s.actions[0]!.request.query = { fields: '${inputs.picked}' };
      s.actions[0]!.selectedOutputs = { key: 'picked', group: 'dynamicOutputs' };
    });
    const found = (await validateObject(bad)).filter((d) => d.code === 'OC-SPEC-SELECTED-OUTPUTS');
    expect(found.map((d) => [d.severity, d.pointer])).toEqual([
      ['error', '/actions/0/selectedOutputs/group'],
    ]);
  });
});
