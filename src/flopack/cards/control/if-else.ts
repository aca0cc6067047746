import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { OPERAND_RULES, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { OPERAND_FIELDS, conditionHolds } from '../operands.js';

export const IF_ELSE_FIELDS = deepFreeze({
  ...OPERAND_FIELDS,
  result: { key: 'result', type: 'boolean', data: null },
} satisfies Record<string, FieldSpec>);

/**
 * If/Else (`control:if`): `result`, and the branch the interpreter follows (the `branches` heads, reference §1.6).
 * The builder's IfElse adds the two Noop branch heads and the Join.
 */
export const ifElseCard = kernelCard('control:if', 'Branching › If/Else', {
  envelope: kernelEnvelope(
    'Specify different actions to run based on whether or not a single condition is true.',
    SOURCES.http,
    {
      inputs: { extensible: false, rules: OPERAND_RULES },
      outputs: { extensible: true },
    },
  ),
  fields: IF_ELSE_FIELDS,
  run: (ctx) => {
    const result = conditionHolds(ctx);
    return { outputs: { [IF_ELSE_FIELDS.result.key]: result }, branch: result };
  },
});
