import {
  cardPointer,
  childPointer,
  fieldPointer,
  isObject,
  type FieldInfo,
} from '../../flopack/read/index.js';
import { cardWhere, fieldValue, quote } from '../describe.js';
import { lintRule, type FileContext } from '../types.js';

/**
 * Inputs of For Each / Map / Reduce / Repeat / Paginate that configure the loop rather than feed the helper
 * (Paginate's `object` is spread into the helper's inputs; its `path` names the break key).
 */
const LOOP_INPUTS = new Set(['list', 'concurrency', 'object', 'initial', 'memo', 'times', 'count', 'path']);

/** A Call Flow's arguments, checked once every flow of the file is known (the called flow may come later). */
interface Call {
  ref: string;
  /** Each argument's key and its field's id under `inputs.data`. */
  args: Array<[key: string, id: string]>;
  /** Pointer to the card's `node/model/inputs/data`. */
  inputs: string;
  where: string;
}

/** Where to report: computed only for a finding (most calls have none). */
interface At {
  pointer(id: string): string;
  where(): string;
}

/** Reference §1.7 (warning): a Call Flow's custom inputs are named like the called Helper Flow's inputs. */
export const callArgsRule = lintRule<Call>('OC-FLOPACK-CALL-ARGS', 'warning', {
  description: "Call Flow / For Each arguments match the called helper's inputs",
  card(card, ctx) {
    const floInput: FieldInfo | undefined = card.floInputs[0];
    const ref = floInput && fieldValue(floInput)?.data;
    if (!floInput || typeof ref !== 'string') return;
    const args: Call['args'] = [];
    for (const io of card.inputs.values()) {
      if (io === floInput || fieldValue(io)?.type === 'flo' || LOOP_INPUTS.has(io.key)) continue;
      // Options live in other groups; Streaming extras reach the helper inside its `State` input.
      if (!(io.group === null || io.group === 'context')) continue;
      const metadata = (io.field as { metadata?: unknown }).metadata;
      if (isObject(metadata) && metadata.forceHide === true) continue;
      args.push([io.key, io.id]);
    }
    if (args.length === 0) return;
    // A helper read earlier is checked now; a later one once every flow is known.
    if (ctx.flows.get(ref)) {
      const at = {
        pointer: (id: string) => fieldPointer(card, card.inputs.get(id)!),
        where: () => cardWhere(card),
      };
      checkCall(ref, args, at, ctx);
    } else {
      ctx.note({ ref, args, inputs: `${cardPointer(card)}/node/model/inputs/data`, where: cardWhere(card) });
    }
  },
  check(ctx) {
    for (const { ref, args, inputs, where } of ctx.notes) {
      checkCall(ref, args, { pointer: (id) => childPointer(inputs, id), where: () => where }, ctx);
    }
  },
});

function checkCall(
  ref: string,
  args: Call['args'],
  at: At,
  ctx: Pick<FileContext, 'flows' | 'report'>,
): void {
  const helper = ctx.flows.get(ref);
  const keys = helper?.callableInputs;
  if (!helper || !keys) return;
  const accepted = new Set(keys);
  for (const [key, id] of args) {
    if (accepted.has(key)) continue;
    ctx.report({
      message: `argument ${JSON.stringify(key)} is not an input of the called flow ${quote(helper.name)}`,
      pointer: at.pointer(id),
      where: at.where(),
      hint: accepted.size
        ? `its inputs are ${[...accepted].map((k) => JSON.stringify(k)).join(', ')}`
        : 'it takes no inputs',
    });
  }
}
