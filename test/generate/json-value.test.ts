import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import type { Action, ConnectorSpec } from '../../src/spec/types.js';
import { withSpec } from '../spec/helpers.js';
import { runBuilt } from './run-action.js';

/** The Send Message action with a JSON body of `fields` and the inputs `to` (required) and `name`, `tag` (optional). */
function jsonSpec(
  fields: Record<string, unknown> | unknown[],
  change: (a: Action) => void = () => {},
): ConnectorSpec {
  return withSpec((s) => {
    const a = s.actions[0]!;
    a.inputs = [
      { key: 'to', label: 'To', type: 'text', required: true },
      { key: 'name', label: 'Name', type: 'text' },
      { key: 'tag', label: 'Tag', type: 'text' },
      { key: 'labels', label: 'Labels', type: 'text', list: true },
    ];
    a.request = { method: 'POST', path: '/mail', body: { encoding: 'json', fields } };
    change(a);
  });
}

async function sentBody(spec: ConnectorSpec, values: Record<string, unknown>): Promise<unknown> {
  const { result, requests } = await runBuilt(spec, 'Send Message', { from: 'x', ...values });
  expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
  const body = requests[0]!.body;
  return body === undefined ? undefined : JSON.parse(body);
}

describe('JSON bodies: placeholders in lists at any depth', () => {
  it('substitutes inside lists of objects of lists (the SendGrid shape)', async () => {
    const spec = jsonSpec({
      personalizations: [{ to: [{ email: '${inputs.to}' }] }],
      labels: ['${inputs.to}', 'x'],
    });
    expect(await sentBody(spec, { to: 'a@b.c' })).toEqual({
      personalizations: [{ to: [{ email: 'a@b.c' }] }],
      labels: ['a@b.c', 'x'],
    });
  });

  it('sends a top-level list body', async () => {
    const spec = jsonSpec([{ op: 'add', value: '${inputs.to}' }, 'literal', 3]);
    expect(await sentBody(spec, { to: 'v' })).toEqual([{ op: 'add', value: 'v' }, 'literal', 3]);
  });

  it('passes a list input through whole, and drops it when it is optional and empty', async () => {
    const spec = jsonSpec({ labels: '${inputs.labels}', to: '${inputs.to}' });
    expect(await sentBody(spec, { to: 't', labels: ['bug', 'ui'] })).toEqual({
      to: 't',
      labels: ['bug', 'ui'],
    });
    expect(await sentBody(spec, { to: 't', labels: [] })).toEqual({ to: 't' });
  });
});

describe('JSON bodies: nulls and empty optional values (src/spec/empty-values.ts)', () => {
  it('keeps an explicit null and literal empties; drops empty optional values at every depth', async () => {
    const spec = jsonSpec({
      keep: null,
      empty: '',
      none: [],
      to: '${inputs.to}',
      nested: { deeper: '${inputs.name}', also: { tag: 'tag:${inputs.tag}' } },
      mixed: { fixed: 1, name: '${inputs.name}' },
    });
    expect(await sentBody(spec, { to: 't' })).toEqual({
      keep: null,
      empty: '',
      none: [],
      to: 't',
      mixed: { fixed: 1 },
    });
    expect(await sentBody(spec, { to: 't', name: 'n', tag: 'g' })).toEqual({
      keep: null,
      empty: '',
      none: [],
      to: 't',
      nested: { deeper: 'n', also: { tag: 'tag:g' } },
      mixed: { fixed: 1, name: 'n' },
    });
  });

  it('sends no body when every value of the body object was left out', async () => {
    expect(await sentBody(jsonSpec({ name: '${inputs.name}' }), { to: 't' })).toBeUndefined();
  });
});

describe('the build sheet shows the mapping, never a literal placeholder', () => {
  it('maps each list item to the field it comes from', () => {
    const spec = jsonSpec({ personalizations: [{ to: [{ email: '${inputs.to}' }] }] });
    const built = generateConnector(spec);
    const sheet = buildSheetModel(spec, built.flopack, built.flows);
    const text = JSON.stringify(sheet);
    expect(text).not.toContain('${inputs.to}');
    const flow = sheet.flows.find((f) => f.name === 'Send Message')!;
    const lists = flow.entries.flatMap((e) => (e.card?.type === 'List - Construct' ? [e.card] : []));
    expect(lists.length).toBe(2);
    expect(lists.flatMap((c) => c.fields.flatMap((f) => f.drag ?? []))).toEqual(
      expect.arrayContaining([expect.objectContaining({ card: expect.stringMatching(/Construct/) })]),
    );
    const emailCard = flow.entries.find((e) => e.card?.fields.some((f) => f.label === 'email'))!.card!;
    expect(emailCard.fields.find((f) => f.label === 'email')!.drag).toEqual([
      expect.objectContaining({ output: 'To' }),
    ]);
  });
});
