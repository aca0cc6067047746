import { fieldPointer, isObject } from '../../flopack/read/index.js';
import { cardWhere, fieldValue, quote } from '../describe.js';
import { lintRule } from '../types.js';

/**
 * Inputs of For Each / Map / Reduce / Repeat / Paginate that configure the loop rather than feed the helper
 * (Paginate's `object` is spread into the helper's inputs; its `path` names the break key).
 */
const LOOP_INPUTS = new Set(['list', 'concurrency', 'object', 'initial', 'memo', 'times', 'count', 'path']);

/** A Call Flow's arguments, checked once every flow of the file is known (the called flow may come later). */
interface Call {
  ref: string;
  where: string;
  args: Array<{ key: string; pointer: string }>;
}

/** Reference §1.7 (warning): a Call Flow's custom inputs are named like the called Helper Flow's inputs. */
export const callArgsRule = lintRule<Call>('OC-FLOPACK-CALL-ARGS', 'warning', {
  description: "Call Flow / For Each arguments match the called helper's inputs",
  card(card, ctx) {
    const floInput = [...card.inputs.values()].find((io) => fieldValue(io)?.type === 'flo');
    const ref = floInput && fieldValue(floInput)?.data;
    if (!floInput || typeof ref !== 'string') return;
    const args: Call['args'] = [];
    for (const io of card.inputs.values()) {
      if (io === floInput || fieldValue(io)?.type === 'flo' || LOOP_INPUTS.has(io.key)) continue;
      // Options live in other groups; Streaming extras reach the helper inside its `State` input.
      if (!(io.group === null || io.group === 'context')) continue;
      const metadata = (io.field as { metadata?: unknown }).metadata;
      if (isObject(metadata) && metadata.forceHide === true) continue;
      args.push({ key: io.key, pointer: fieldPointer(card, io) });
    }
    if (args.length > 0) ctx.note({ ref, where: cardWhere(card), args });
  },
  check(ctx) {
    for (const { ref, where, args } of ctx.notes) {
      const helper = ctx.flows.get(ref);
      const inputs = helper?.callableInputs;
      if (!helper || !inputs) continue;
      const accepted = new Set(inputs);
      for (const { key, pointer } of args) {
        if (accepted.has(key)) continue;
        ctx.report({
          message: `argument ${JSON.stringify(key)} is not an input of the called flow ${quote(helper.name)}`,
          pointer,
          where,
          hint: accepted.size
            ? `its inputs are ${[...accepted].map((k) => JSON.stringify(k)).join(', ')}`
            : 'it takes no inputs',
        });
      }
    }
  },
});
