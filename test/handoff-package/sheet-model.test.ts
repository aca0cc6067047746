import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { renderSheet } from '../../src/handoff-package/documents.js';
import { withSpec } from '../spec/helpers.js';

const spec = withSpec((s) => {
  const a = s.actions[0]!;
  a.options = [
    {
      key: 'from',
      label: 'From',
      type: 'dropdown',
      required: true,
      default: 'sms',
      values: [
        { label: 'SMS', value: 'sms' },
        { label: 'WhatsApp', value: 'whatsapp' },
      ],
    },
  ];
  a.inputs = [
    { key: 'to', label: 'To', type: 'text', required: true },
    { key: 'body', label: 'Body', type: 'text', default: 'Hello' },
    { key: 'count', label: 'Count', type: 'number', default: 2 },
  ];
});

describe('build sheet: options and inputs as a person enters them', () => {
  const built = generateConnector(spec);
  const sheet = buildSheetModel(spec, built.flopack, built.flows);
  const flow = sheet.flows.find((f) => f.name === 'Send Message')!;

  it('shows dropdown choices by label and value, and every default', () => {
    expect(flow.options).toEqual([
      expect.objectContaining({
        label: 'From',
        default: 'sms',
        choices: [
          { label: 'SMS', value: 'sms' },
          { label: 'WhatsApp', value: 'whatsapp' },
        ],
      }),
    ]);
    expect(flow.inputs.map((i) => [i.label, i.default])).toEqual([
      ['To', null],
      ['Body', 'Hello'],
      ['Count', '2'],
    ]);
  });

  it('BUILD.md has a Default column with them', () => {
    const md = renderSheet('md', sheet, {
      flopackFile: 'acme.flopack',
      tool: {} as never,
      accent: '#000000',
    }).toString();
    expect(md).toContain('| From | Dropdown: Static Values | Yes |');
    expect(md).toContain('SMS = `sms`, WhatsApp = `whatsapp` | `sms` |');
    expect(md).toContain('| Body | Text | No | `Hello` |');
    expect(md).toContain('| Count | Number | No | `2` |');
  });
});

describe('build sheet: the connection as Connector Builder provides it', () => {
  const built = generateConnector(spec);
  const sheet = buildSheetModel(spec, built.flopack, built.flows);

  it('never asks a person to wire the connection through a Call Flow card', () => {
    const calls = sheet.flows.flatMap((f) =>
      f.entries.flatMap((e) => (e.card?.address.endsWith(':spawn') ? [e.card] : [])),
    );
    expect(calls.length).toBeGreaterThanOrEqual(sheet.flows.length - 1);
    for (const call of calls) expect(call.fields.map((r) => r.label)).not.toContain('auth');
  });

  it('ends _authping with Return Status and its serviceResponse', () => {
    const authping = sheet.flows.find((f) => f.isAuthping)!;
    expect(authping.endCard).toBe('Flow Control - Return Status');
    expect(authping.outputs.map((o) => [o.label, o.type])).toEqual([
      ['working', 'True/False'],
      ['serviceResponse', 'Object'],
    ]);
  });
});

describe('build sheet: a polling monitor event', () => {
  const withEvent = withSpec((s) => {
    s.events = [
      {
        name: 'New Item',
        description: 'Runs for each new item.',
        request: { method: 'GET', path: '/items', query: { since: '${inputs.cursor}' } },
        items: 'items',
        cursor: 'items.0.created',
      },
    ];
  });
  const built = generateConnector(withEvent);
  const sheet = buildSheetModel(withEvent, built.flopack, built.flows);
  const event = sheet.flows.find((f) => f.name === 'New Item')!;

  it('starts with Polling Monitor, saves with the Cursor card and ends with Return Outputs', () => {
    expect([event.isPolling, event.startCard, event.endCard]).toEqual([
      true,
      'Polling Monitor',
      'Flow Control - Return Outputs',
    ]);
    expect(event.inputs).toEqual([]);
    expect(event.outputs.map((o) => o.label)).toEqual(['records', 'count']);
    const cards = event.entries.flatMap((e) => (e.card ? [e.card.type] : []));
    expect(cards).toContain('Flow Control - Cursor');
  });
});
