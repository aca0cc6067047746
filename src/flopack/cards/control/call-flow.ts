import { deepFreeze } from '../../../util/deep-freeze.js';
import type { CardContext } from '../../semantics/context.js';
import { CardFailure } from '../../semantics/failure.js';
import { dataFields, floInput } from '../../semantics/fields.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** The called flow's uuid; the other inputs are the callee's inputs, its outputs the callee's Return fields. */
export const CALL_FLOW_FIELDS = deepFreeze({
  flo: { key: 'flo', type: 'flo', required: true, metadata: { displayname: 'Helper Flow' } },
} satisfies Record<string, FieldSpec>);

/** The callee's `parent` context (reference §1.7 Helper Flow: parent {id, method, name, execution_id}). */
export function parentOf(ctx: CardContext): Record<string, unknown> {
  return { id: ctx.flowId, method: ctx.card.uuid, name: ctx.flow, execution_id: ctx.executionId };
}

/** What Call Flow (and Call Flow Async) pass to the callee's start card: its data inputs by key, and `parent`. */
export function calleeInputs(ctx: CardContext): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const { field, value } of dataFields(ctx)) inputs[field.key] = value;
  inputs['parent'] = parentOf(ctx);
  return inputs;
}

/**
 * Call Flow (`control:spawn`): runs the flow whose id is in the `flo` input; the other inputs go to the callee's
 * start card by key; the card's outputs mirror the callee's Return keys (reference §1.7). A callee failure fails
 * this card with the callee's message and status code (so If Error can catch it).
 */
export const callFlowCard = kernelCard('control:spawn', 'Flow Control › Call Flow', {
  timeoutMs: 300_000,
  envelope: kernelEnvelope('Run a Flow and wait for the resulting output.', SOURCES.catalogue, {
    async: true,
    // As on the real card (slack_app_template_project): a `context` group rule, no `*` rule.
    inputs: { extensible: true, groupRules: { context: { extensible: true, reserved: {}, type: 'object' } } },
    outputs: { extensible: true, rules: ANY },
  }),
  fields: CALL_FLOW_FIELDS,
  run: async (ctx) => {
    const ref = floInput(ctx.fields);
    if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no flow chosen in the Call Flow card`);
    const r = await ctx.runFlow(ref, calleeInputs(ctx));
    return { outputs: r.outputs };
  },
});
