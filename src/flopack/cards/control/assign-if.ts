import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { OPERAND_RULES, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { OPERAND_FIELDS, OPTIONAL_OPERATOR, conditionHolds } from '../operands.js';

/** The builder adds the values' type. */
export const ASSIGN_IF_FIELDS = deepFreeze({
  ...OPERAND_FIELDS,
  operator: OPTIONAL_OPERATOR,
  valueIfTrue: { key: 'valueIfTrue', available: ['*'], metadata: { displayname: 'value if true' } },
  valueIfFalse: { key: 'valueIfFalse', available: ['*'], metadata: { displayname: 'value if false' } },
  output: { key: 'output', available: ['*'] },
} satisfies Record<string, FieldSpec>);

/** Assign If (`control:assignIf`): `output` = condition ? valueIfTrue : valueIfFalse (real card, PAM template). */
export const assignIfCard = kernelCard('control:assignIf', 'Branching › Assign If', {
  envelope: kernelEnvelope('Choose a value based on a true/false condition.', SOURCES.pam, {
    inputs: {
      extensible: false,
      rules: {
        ...OPERAND_RULES,
        valueIfTrue: { type: ['*'], collection: '*' },
        valueIfFalse: { type: ['*'], collection: '*' },
      },
    },
    outputs: { extensible: false, rules: { output: { type: ['*'], collection: '*' } } },
  }),
  fields: ASSIGN_IF_FIELDS,
  run: (ctx) => {
    const F = ASSIGN_IF_FIELDS;
    const value = conditionHolds(ctx) ? ctx.inputs[F.valueIfTrue.key] : ctx.inputs[F.valueIfFalse.key];
    return { outputs: { [F.output.key]: value } };
  },
});
