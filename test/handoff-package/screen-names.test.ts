import { describe, expect, it } from 'vitest';
import { CONNECTOR_BUILDER_CARDS } from '../../src/connector/contract.js';
import { generateConnector } from '../../src/generate/index.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { loadValidSpec } from '../../src/spec/validate.js';
import { packagePath } from '../../src/util/paths.js';

async function twilioSheet() {
  const { spec } = await loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
  const { flopack, flows } = generateConnector(spec);
  return buildSheetModel(spec, flopack, flows);
}

describe('the build sheet names cards as Connector Builder shows them', () => {
  it('starts each flow with its Connector Builder start card, Auth section listed, and ends actions with Return Outputs', async () => {
    const sheet = await twilioSheet();
    const byKind = (kind: string) => sheet.flows.find((f) => f.kind === kind)!;
    const expected = {
      helper: 'On Demand Helper Flow',
      authping: 'On Demand - Connector Authping',
      action: 'On Demand - Connector Action',
      capia: 'On Demand - Connector Action',
    };
    for (const [kind, start] of Object.entries(expected)) {
      const flow = byKind(kind);
      expect(flow.startCard, kind).toBe(start);
      expect(flow.entries[0]!.card).toMatchObject({ number: '1', name: start, type: start, isEvent: true });
      expect(flow.authFields, kind).toEqual(['Connection', 'Account SID']);
    }
    for (const flow of sheet.flows.filter((f) => f.isAction)) {
      const ends = flow.entries.filter(
        (e) => e.depth === 0 && e.card?.type === CONNECTOR_BUILDER_CARDS.end.action,
      );
      expect(ends, flow.name).toHaveLength(1);
      expect(flow.endCard).toBe('Flow Control - Return Outputs');
    }
  });

  it('never points a person at a card the flow does not show: every drag names a card of its own flow', async () => {
    const sheet = await twilioSheet();
    for (const flow of sheet.flows) {
      const shown = new Map(
        flow.entries.flatMap((e) => (e.card ? [[e.card.number, e.card.name] as const] : [])),
      );
      for (const entry of flow.entries) {
        for (const row of entry.card?.fields ?? []) {
          for (const drag of row.drag ?? []) {
            if (drag.number === null) continue;
            expect(shown.get(drag.number), `${flow.name}: ${row.label} from ${drag.card}`).toBe(drag.card);
          }
        }
      }
      expect(flow.inputs.map((i) => i.key)).not.toContain('auth');
    }
  });
});
