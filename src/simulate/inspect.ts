import { BUILTIN_CARDS } from '../flopack/cards/index.js';
import {
  graphOf,
  inIndexOrder,
  inlineFlows,
  inlineLabel,
  readFlo,
  type InlineFlow,
} from '../flopack/read/index.js';
import type { CardHandler } from '../flopack/semantics/context.js';
import { isFloLike } from '../flopack/semantics/fields.js';
import type { Flopack } from '../flopack/types.js';
import { isEventCard } from './interpreter.js';
import { planFlo } from './plan.js';

export interface FlopackInspection {
  flows: Array<{
    id: string;
    name: string;
    start: string;
    inputs: Array<{ key: string; label?: string; type: unknown }>;
  }>;
  unsupported: Array<{ flow: string; card: string; uuid: string; address: string }>;
  /** Flows that cannot run at all (no start card, cyclic orderings). */
  problems: Array<{ flow: string; message: string }>;
}

/** The name the simulator gives an inline flow's run (`… › If Error › try`): the same as in traces. */
function runName(parent: string, card: string, inline: InlineFlow): string {
  const label = inlineLabel(inline, 'run');
  return `${parent} › ${card}${label ? ` › ${label}` : ''}`;
}

/** Loads and checks what can run: flows, their start card, and every card the interpreter cannot run. */
export function inspectFlopack(
  flopack: Flopack,
  opts: { extraCards?: Record<string, CardHandler> } = {},
): FlopackInspection {
  const extra = opts.extraCards ?? {};
  const result: FlopackInspection = { flows: [], unsupported: [], problems: [] };
  const visit = (flo: object, flowName: string, top: boolean): void => {
    const plan = planFlo(flo);
    if (plan.problem) result.problems.push({ flow: flowName, message: plan.problem });
    for (const card of plan.cards) {
      const { info } = card;
      // A connector event card starting a top-level flow runs as a stand-in fed by the flow inputs (interpreter.ts).
      const standIn = top && card === plan.start && isEventCard(card);
      if (!standIn && !BUILTIN_CARDS.has(info.tail) && !extra[info.tail] && !extra[info.address]) {
        result.unsupported.push({ flow: flowName, card: info.name, uuid: info.uuid, address: info.address });
      }
      for (const inline of inlineFlows(info)) {
        if (isFloLike(inline.data)) visit(inline.data, runName(flowName, info.name, inline), false);
      }
    }
  };
  for (const [id, flo] of Object.entries(flopack?.data?.flos ?? {})) {
    const name = flo?.name ?? id;
    if (!flo?.data || !Array.isArray(flo.data.methods)) {
      result.problems.push({ flow: name, message: 'the flow has no cards (data.methods missing)' });
      continue;
    }
    const start = graphOf(readFlo(flo.data)).start;
    result.flows.push({
      id,
      name,
      start: start ? `${start.name} (${start.tail})` : '(none)',
      inputs: (start ? inIndexOrder(start.inputs) : [])
        .filter((f) => f.group !== 'context')
        .map((f) => ({
          key: f.key,
          ...(f.metadata?.displayname ? { label: f.metadata.displayname } : {}),
          type: f.value?.type,
        })),
    });
    visit(flo.data, name, true);
  }
  return result;
}
