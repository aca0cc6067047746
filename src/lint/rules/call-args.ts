import { kernelTail, quote } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-CALL-ARGS';
/** Inputs of For Each / Map / Reduce / Repeat that configure the loop rather than feed the helper. */
const LOOP_INPUTS = new Set(['list', 'concurrency', 'object', 'initial', 'memo', 'times', 'count']);

/** Reference §1.7 (warning): a Call Flow's custom inputs are named like the called Helper Flow's inputs. */
export const callArgsRule: LintRule = {
  code: CODE,
  severity: 'warning',
  description: "Call Flow / For Each arguments match the called helper's inputs",
  check(ctx) {
    const byId = new Map(ctx.flows.map((f) => [f.id, f]));
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        const floInput = [...card.inputs.values()].find((io) => io.value?.type === 'flo');
        const ref = floInput?.value?.data;
        if (!floInput || typeof ref !== 'string') continue;
        const helper = byId.get(ref);
        const start = helper?.scope?.cards.find((c) => kernelTail(c.address) === 'control:callable');
        if (!helper || !start) continue;
        const accepted = new Set(
          [...start.inputs.values()].filter((io) => io.group !== 'context').map((io) => io.key),
        );
        for (const io of card.inputs.values()) {
          if (io === floInput || io.value?.type === 'flo' || LOOP_INPUTS.has(io.key)) continue;
          // Options live in other groups; Streaming extras reach the helper inside its `State` input.
          if (!(io.group === null || io.group === 'context')) continue;
          if (io.raw.metadata && (io.raw.metadata as { forceHide?: unknown }).forceHide === true) continue;
          if (accepted.has(io.key)) continue;
          ctx.report({
            message: `argument ${JSON.stringify(io.key)} is not an input of the called flow ${quote(helper.name)}`,
            pointer: io.pointer,
            where: card.where,
            hint: accepted.size
              ? `its inputs are ${[...accepted].map((k) => JSON.stringify(k)).join(', ')}`
              : 'it takes no inputs',
          });
        }
      }
    }
  },
};
