import type { FlowPlan, RuntimeCard } from './plan.js';

/**
 * The name a person sees for a card in a trace. Hidden path cards (`object:expand`, `displayed: false`) are named
 * after their source card's uuid in exports; a person sees the field they dragged instead, so they are shown as
 * "Path: <source card> › body › sid".
 */
export function traceCardName(card: RuntimeCard, plan: FlowPlan): string {
  const { info } = card;
  if (info.tail !== 'object:expand' || info.model?.displayed !== false) return info.name;
  // A plan's cards do not change once planned, and every traced run of the flow names them again.
  let name = pathCardNames.get(card);
  if (name === undefined) pathCardNames.set(card, (name = pathCardName(card, plan)));
  return name;
}

const pathCardNames = new WeakMap<RuntimeCard, string>();

function pathCardName(card: RuntimeCard, plan: FlowPlan): string {
  const src = card.inputs[0]?.metadata?.srcMethodId;
  const source = src ? plan.cards.find((c) => c.info.uuid === src) : undefined;
  const paths = [
    ...new Set(
      card.outputs.flatMap((o) =>
        o.key === 'value' && Array.isArray(o.metadata?.path) ? [o.metadata.path.join(' › ')] : [],
      ),
    ),
  ];
  const sourceOutput = source?.outputs.find((o) => o.id === card.inputs[0]?.metadata?.srcOutputId);
  const from = [source?.info.name ?? 'a card', sourceOutput?.metadata?.displayname ?? sourceOutput?.key]
    .filter(Boolean)
    .join(' › ');
  return `Path: ${from} › ${paths.join(', ') || '(whole object)'}`;
}
