import { deepFreeze } from '../../../util/deep-freeze.js';
import type { CardContext } from '../../semantics/context.js';
import { CardFailure } from '../../semantics/failure.js';
import { toNumber, toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** Return Error's fields, both required and mirrored. */
export const RETURN_ERROR_FIELDS = deepFreeze({
  statusCode: { key: 'statusCode', type: 'number', data: 0, required: true },
  message: { key: 'message', type: 'string', required: true },
} satisfies Record<string, FieldSpec>);

/** Ends the flow with the card's error: `message`, and `statusCode` (default 500) (reference §1.7). */
export function returnError(ctx: CardContext): never {
  throw new CardFailure(toText(ctx.inputs[RETURN_ERROR_FIELDS.message.key]) || 'Return Error', {
    statusCode: toNumber(ctx.inputs[RETURN_ERROR_FIELDS.statusCode.key], ctx.flags) ?? 500,
    kind: 'return-error',
  });
}

/** Return Error (`control:throw`): throws an error and ends the flow. */
export const returnErrorCard = kernelCard('control:throw', 'Error Handling › Return Error', {
  timeoutMs: 10_000,
  envelope: kernelEnvelope('Throw an error and end the Flow.', SOURCES.auth0, {
    mirrored: true,
    inputs: {
      extensible: true,
      rules: { statusCode: { types: ['number'] }, message: { types: ['string'] }, ...ANY },
    },
    outputs: { extensible: true },
  }),
  fields: RETURN_ERROR_FIELDS,
  run: returnError,
});
