import { fieldPointer, isObject } from '../../flopack/read/index.js';
import { flowById, isCallable } from '../connector.js';
import { cardWhere, fieldValue, quote } from '../describe.js';
import { lintRule } from '../types.js';

/**
 * Inputs of For Each / Map / Reduce / Repeat / Paginate that configure the loop rather than feed the helper
 * (Paginate's `object` is spread into the helper's inputs; its `path` names the break key).
 */
const LOOP_INPUTS = new Set(['list', 'concurrency', 'object', 'initial', 'memo', 'times', 'count', 'path']);

/** Reference §1.7 (warning): a Call Flow's custom inputs are named like the called Helper Flow's inputs. */
export const callArgsRule = lintRule('OC-FLOPACK-CALL-ARGS', 'warning', {
  description: "Call Flow / For Each arguments match the called helper's inputs",
  card(card, ctx) {
    const floInput = [...card.inputs.values()].find((io) => fieldValue(io)?.type === 'flo');
    const ref = floInput && fieldValue(floInput)?.data;
    if (!floInput || typeof ref !== 'string') return;
    const helper = flowById(ctx, ref);
    const start = helper?.scope?.cards.find(isCallable);
    if (!helper || !start) return;
    const accepted = new Set(
      [...start.inputs.values()].filter((io) => io.group !== 'context').map((io) => io.key),
    );
    for (const io of card.inputs.values()) {
      if (io === floInput || fieldValue(io)?.type === 'flo' || LOOP_INPUTS.has(io.key)) continue;
      // Options live in other groups; Streaming extras reach the helper inside its `State` input.
      if (!(io.group === null || io.group === 'context')) continue;
      const metadata = (io.field as { metadata?: unknown }).metadata;
      if (isObject(metadata) && metadata.forceHide === true) continue;
      if (accepted.has(io.key)) continue;
      ctx.report({
        message: `argument ${JSON.stringify(io.key)} is not an input of the called flow ${quote(helper.name)}`,
        pointer: fieldPointer(card, io),
        where: cardWhere(card),
        hint: accepted.size
          ? `its inputs are ${[...accepted].map((k) => JSON.stringify(k)).join(', ')}`
          : 'it takes no inputs',
      });
    }
  },
});
