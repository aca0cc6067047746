import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildDocsModel } from '../../src/handoff-package/docs-model.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { customFieldsOutputs } from '../helpers/dynamic-groups.js';
import { withSpec } from '../spec/helpers.js';

/** What a person reads for a dynamic output group, an extensible input group and Selected Outputs. */
const spec = withSpec((s) => {
  const a = s.actions[0]!;
  a.request.query = { fields: '${inputs.fields}' };
  a.extensibleInputs = { key: 'extra', label: 'Additional Fields' };
  a.selectedOutputs = { key: 'fields' };
  a.dynamicOutputs = customFieldsOutputs({ type: 'number', path: 'custom' });
});

describe('build sheet and help topic: dynamic groups, extensible inputs, selected outputs', () => {
  const built = generateConnector(spec);
  const sheet = buildSheetModel(spec, built.flopack, built.flows);
  const flow = sheet.flows.find((f) => f.name === 'Send Message')!;

  it('types the output group by the flow to choose, and the extensible group by what to tick', () => {
    expect(flow.outputs).toContainEqual(
      expect.objectContaining({
        label: 'Custom Fields',
        type: 'Dynamic Output Group, choose the flow "Send Message Custom Fields Fields"',
      }),
    );
    expect(flow.inputs).toContainEqual(
      expect.objectContaining({
        label: 'Additional Fields',
        type: expect.stringContaining('extensibility on'),
      }),
    );
  });

  it('never asks a person to add the Selected Outputs field: Connector Builder adds it', () => {
    expect(flow.inputs.map((i) => i.label)).not.toContain('Selected Outputs');
    const cards = flow.entries.flatMap((e) => (e.card ? [e.card.name] : []));
    expect(cards).toEqual(
      expect.arrayContaining(['Keys of the selected outputs', 'Selected outputs as text']),
    );
  });

  it('lists both groups in the help topic, with where their fields come from', () => {
    const docs = buildDocsModel(spec, built.flopack, built.flows);
    const action = docs.actions.find((a) => a.name === 'Send Message')!;
    expect(action.outputs).toContainEqual(
      expect.objectContaining({
        label: 'Custom Fields',
        description:
          'One output per field listed from the service (GET /fields) when the card is placed; each field is Number.',
      }),
    );
    expect(action.inputs).toContainEqual(
      expect.objectContaining({ label: 'Additional Fields', type: 'Fields you add' }),
    );
  });
});
