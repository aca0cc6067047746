import { compare } from '../values.js';
import type { CardContext, CardHandler } from '../types.js';
import { floInput, isFloLike, isPlainObject, wormholes } from './helpers.js';

/** If/Else: `result` plus the branch the interpreter follows (`branches` heads, reference §1.6). */
const ifElse: CardHandler = (ctx) => {
  const i = ctx.inputs;
  const result = compare(i['left-operand'], i['operator'], i['right-operand'], ctx.flags);
  return { outputs: { result }, branch: result };
};

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
    g === 'if'
      ? -Infinity
      : g === 'else'
        ? Infinity
        : Math.min(...fs.map((f) => f.field.metadata?.index ?? 0));
  return [...groups]
    .map(([group, fields]) => ({ group, fields }))
    .sort((a, b) => rank(a.group, a.fields) - rank(b.group, b.fields));
}

/** If/ElseIf: the first group whose comparison holds (else: always) runs its inline flo; its Return gives the outputs. */
const ifElseIf: CardHandler = async (ctx) => {
  for (const { group, fields } of branchGroups(ctx)) {
    const get = (k: string): unknown => fields.find((f) => f.field.key === k)?.value;
    if (group !== 'else' && !compare(get('left-operand'), get('operator'), get('right-operand'), ctx.flags))
      continue;
    const flo = floInput(fields);
    if (!isFloLike(flo)) return {};
    const extra = get('inputs');
    const inputs = { ...(isPlainObject(extra) ? extra : {}), ...wormholes(ctx.fields, flo) };
    const r = await ctx.runFlow(flo, inputs, `${ctx.flow} › ${ctx.card.node.data.name} › ${group}`);
    return { outputs: r.outputs };
  }
  return {};
};

export const branchingCards: Record<string, CardHandler> = {
  'control:if': ifElse,
  'control:branch': ifElseIf,
};
