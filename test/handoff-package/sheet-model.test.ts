import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { renderTemplate } from '../../src/handoff-package/templates.js';
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
    const md = renderTemplate('build-sheet.md', { ...sheet, flopackFile: 'acme.flopack', tool: {} });
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
