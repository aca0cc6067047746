import { deepFreeze } from '../../../util/deep-freeze.js';
import { inlineLabel } from '../../read/inline.js';
import { CardFailure, SimFailure } from '../../semantics/failure.js';
import { floInput, isFloLike, wormholes } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** The try branch: an inline flo in the `flo` input (the error branch is in `model.policy.error.flo`). */
export const IF_ERROR_FIELDS = deepFreeze({
  flo: { key: 'flo', type: 'flo', required: true, metadata: { displayname: 'Helper Flow' } },
} satisfies Record<string, FieldSpec>);

/**
 * If Error (`control:tryCatch`, reference §1.6/§1.10): runs the inline Try flo with its wormholes. A card failure
 * inside it runs the error flo from `policy.error.flo`, whose start card gets `error: {message, method, flo,
 * execution}` (+ `body` when the failing card was an HTTP card with a response). The card's outputs are the Return
 * inputs of whichever branch ran. `method` is the failing card's name and `flo` the failing flow's name [I: Okta
 * stores ids there].
 */
export const ifErrorCard = kernelCard('control:tryCatch', 'Error Handling › If Error', {
  timeoutMs: 300_000,
  envelope: kernelEnvelope(
    "Try a series of actions. If there's an error, run a different series of actions.",
    SOURCES.remove,
    {
      async: true,
      inputs: {
        extensible: true,
        groupRules: { context: { extensible: true, reserved: {}, type: 'object' } },
      },
      outputs: { extensible: true, rules: ANY },
      tail: { display: {} },
    },
  ),
  fields: IF_ERROR_FIELDS,
  run: async (ctx) => {
    const name = ctx.card.node.data.name;
    const tryFlo = floInput(ctx.fields);
    if (!isFloLike(tryFlo)) throw new CardFailure(`${name}: the If Error card has no inline Try flow`);
    const label = (kind: 'try' | 'error') =>
      `${ctx.flow} › ${name} › ${inlineLabel({ kind, group: null }, 'run')}`;
    try {
      const r = await ctx.runFlow(tryFlo, wormholes(ctx.fields, tryFlo), label('try'));
      return { outputs: r.outputs };
    } catch (e) {
      if (!(e instanceof SimFailure) || !e.catchable) throw e;
      const policy = ctx.card.node.model.policy?.error as { flo?: unknown } | undefined;
      const error: Record<string, unknown> = {
        message: e.error.message,
        method: e.error.card?.name ?? null,
        flo: e.error.flow,
        execution: ctx.executionId,
      };
      if (e.error.statusCode !== undefined) error['statusCode'] = e.error.statusCode;
      if (e.body !== undefined) error['body'] = e.body;
      if (!isFloLike(policy?.flo)) return {};
      const inputs = { ...wormholes(ctx.fields, policy.flo), error };
      const r = await ctx.runFlow(policy.flo, inputs, label('error'));
      return { outputs: r.outputs };
    }
  },
});
