import { deepFreeze } from '../../../util/deep-freeze.js';
import type { CardHandler } from '../../semantics/context.js';
import { allOutputs } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import type { FieldSpec } from '../field-spec.js';

/** The fields of one-input text cards: input `string` ("text") → `output` (reference §1.7). */
export const TEXT_IN_TEXT_OUT = deepFreeze({
  input: { key: 'string', type: 'string', required: true, metadata: { displayname: 'text' } },
  output: { key: 'output', type: 'string' },
} satisfies Record<string, FieldSpec>);

/** A text card's semantics: its `string` input as text, through `fn`, to every output. */
export function textFunction(fn: (text: string) => unknown): CardHandler {
  return (ctx) => ({ byId: allOutputs(ctx, fn(toText(ctx.inputs[TEXT_IN_TEXT_OUT.input.key]))) });
}
