import { deepFreeze } from '../../../util/deep-freeze.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { OPERAND_RULES, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { OPERAND_FIELDS, OPTIONAL_OPERATOR, conditionHolds } from '../operands.js';

export const CONTINUE_IF_FIELDS = deepFreeze({
  ...OPERAND_FIELDS,
  /** As real Continue If cards carry it: not required. */
  operator: OPTIONAL_OPERATOR,
  /** The message the flow stops with. */
  otherwise: { key: 'message', group: 'otherwise', type: 'string', available: ['*'] },
  /** Output: the message, hidden on the card. */
  message: { key: 'message', type: 'string', data: null, metadata: { hidden: true, displayed: false } },
} satisfies Record<string, FieldSpec>);

/** Continue If (`control:continueIf`): when the condition fails the flow stops quietly (reference §1.7). */
export const continueIfCard = kernelCard('control:continueIf', 'Branching › Continue If', {
  envelope: kernelEnvelope("Stop the Flow if a condition isn't true.", SOURCES.capia, {
    inputs: { extensible: false, rules: OPERAND_RULES },
  }),
  fields: CONTINUE_IF_FIELDS,
  run: (ctx) => {
    if (conditionHolds(ctx)) return {};
    const message = toText(ctx.inputs[CONTINUE_IF_FIELDS.otherwise.key]);
    return { outputs: { [CONTINUE_IF_FIELDS.message.key]: message }, end: { kind: 'stop' } };
  },
});
