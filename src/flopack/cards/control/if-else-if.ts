import { inlineLabel } from '../../read/inline.js';
import type { CardContext } from '../../semantics/context.js';
import { floInput, isFloLike, isPlainObject, wormholes } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { conditionHolds } from '../operands.js';
import { minOf } from '../../../util/append.js';

type Field = CardContext['fields'][number];

/** Groups of an If/ElseIf card in evaluation order: `if`, the ElseIf groups by index, `else` last [V §1.7]. */
function branchGroups(ctx: CardContext): Array<{ group: string; fields: Field[] }> {
  const groups = new Map<string, Field[]>();
  for (const f of ctx.fields) {
    const g = f.field.group;
    if (!g || g === 'context') continue;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(f);
  }
  const rank = (g: string, fs: Field[]): number =>
    g === 'if' ? -Infinity : g === 'else' ? Infinity : minOf(fs.map((f) => f.field.metadata?.index ?? 0));
  return [...groups]
    .map(([group, fields]) => ({ group, fields }))
    .sort((a, b) => rank(a.group, a.fields) - rank(b.group, b.fields));
}

/**
 * If/ElseIf (`control:branch`): the first group whose condition holds (`else`: always) runs its inline flo; its
 * Return gives the card's outputs.
 */
export const ifElseIfCard = kernelCard('control:branch', 'Branching › If/ElseIf', {
  timeoutMs: 300_000,
  run: async (ctx) => {
    for (const { group, fields } of branchGroups(ctx)) {
      const values: Record<string, unknown> = {};
      // The first field with a key counts.
      for (const f of fields) if (!Object.hasOwn(values, f.field.key)) values[f.field.key] = f.value;
      if (group !== 'else' && !conditionHolds(ctx, values)) continue;
      const flo = floInput(fields);
      if (!isFloLike(flo)) return {};
      const extra = values['inputs'];
      const inputs = { ...(isPlainObject(extra) ? extra : {}), ...wormholes(ctx.fields, flo) };
      const label = inlineLabel({ kind: 'branch', group }, 'run');
      const r = await ctx.runFlow(flo, inputs, `${ctx.flow} › ${ctx.card.node.data.name} › ${label}`);
      return { outputs: r.outputs };
    }
    return {};
  },
});
