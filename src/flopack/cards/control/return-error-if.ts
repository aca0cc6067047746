import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { OPERAND_RULES, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { OPERAND_FIELDS, OPTIONAL_OPERATOR, conditionHolds } from '../operands.js';
import { returnError } from './return-error.js';

/**
 * The error Return Error If ends the flow with (the operands come first, see operands.ts). As in every real export
 * (issue 15's count: 22 of 22), none of its fields carries a required flag.
 */
export const RETURN_ERROR_IF_FIELDS = deepFreeze({
  ...OPERAND_FIELDS,
  operator: OPTIONAL_OPERATOR,
  message: { key: 'message', type: 'string' },
  statusCode: { key: 'statusCode', type: 'number', data: 400 },
} satisfies Record<string, FieldSpec>);

/**
 * Return Error If (`control:throwIf`): Return Error, only when the condition holds (Connector Builder best practice:
 * status 400, reference §2.7). Fields per §1.7: operands as on Continue If, statusCode/message as on Return Error.
 */
export const returnErrorIfCard = kernelCard('control:throwIf', 'Error Handling › Return Error If', {
  // Real exports: timeout 90000 and extensible inputs on every Return Error If.
  timeoutMs: 90_000,
  envelope: kernelEnvelope('Throw an error and end the Flow if a condition is true.', SOURCES.catalogue, {
    inputs: {
      extensible: true,
      rules: { ...OPERAND_RULES, statusCode: { types: ['number'] }, message: { types: ['string'] } },
    },
  }),
  fields: RETURN_ERROR_IF_FIELDS,
  run: (ctx) => (conditionHolds(ctx) ? returnError(ctx) : {}),
});
