import type { Card, Flopack } from '../flopack/types.js';
import { BUILTIN_CARDS } from './cards/index.js';
import { isFloLike } from './cards/helpers.js';
import { addressTail, indexFlo, type FloLike } from './flow-index.js';
import { isEventCard } from './interpreter.js';
import type { CardHandler } from './types.js';

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

/** Inline flos hanging off a card: `flo` inputs holding a flo object and the If Error `policy.error.flo`. */
function inlineFlos(card: Card, tail: string): Array<{ label: string; flo: FloLike }> {
  const out: Array<{ label: string; flo: FloLike }> = [];
  for (const f of Object.values(card.node?.model?.inputs?.data ?? {})) {
    if (f.value?.type !== 'flo' || !isFloLike(f.value.data)) continue;
    // Same labels as the runtime uses for these inline flows (errors.ts, branching.ts, lists.ts).
    const label = tail === 'control:tryCatch' ? ' › try' : f.group ? ` › ${f.group}` : '';
    out.push({ label, flo: f.value.data });
  }
  const errFlo = (card.node?.model?.policy?.error as { flo?: unknown } | undefined)?.flo;
  if (isFloLike(errFlo)) out.push({ label: ' › error', flo: errFlo });
  return out;
}

/** Loads and checks what can run: flows, their start card, and every card the interpreter cannot run. */
export function inspectFlopack(
  flopack: Flopack,
  opts: { extraCards?: Record<string, CardHandler> } = {},
): FlopackInspection {
  const extra = opts.extraCards ?? {};
  const result: FlopackInspection = { flows: [], unsupported: [], problems: [] };
  const visit = (flo: FloLike, flowName: string, top: boolean): void => {
    const index = indexFlo(flo);
    if (index.problem) result.problems.push({ flow: flowName, message: index.problem });
    for (const info of index.cards) {
      const { card } = info;
      // A connector event card starting a top-level flow runs as a stand-in fed by the flow inputs (interpreter.ts).
      const standIn = top && info === index.start && isEventCard(info);
      if (!standIn && !BUILTIN_CARDS.has(info.tail) && !extra[info.tail] && !extra[card.address]) {
        result.unsupported.push({ flow: flowName, card: info.name, uuid: card.uuid, address: card.address });
      }
      for (const inner of inlineFlos(card, info.tail))
        visit(inner.flo, `${flowName} › ${info.name}${inner.label}`, false);
    }
  };
  for (const [id, flo] of Object.entries(flopack?.data?.flos ?? {})) {
    const name = flo?.name ?? id;
    if (!flo?.data || !Array.isArray(flo.data.methods)) {
      result.problems.push({ flow: name, message: 'the flow has no cards (data.methods missing)' });
      continue;
    }
    const index = indexFlo(flo.data);
    const start = index.start;
    result.flows.push({
      id,
      name,
      start: start ? `${start.name} (${addressTail(start.card.address)})` : '(none)',
      inputs: (start?.inputs ?? [])
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
