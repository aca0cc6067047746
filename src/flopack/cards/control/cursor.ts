import { deepFreeze } from '../../../util/deep-freeze.js';
import { POLLING } from '../../../connector/contract.js';
import { CardFailure } from '../../semantics/failure.js';
import { kernelCard } from '../definition.js';
import { ANY, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** The Cursor card's one input, Properties (Date & Time, Number, Text or Object); it has no outputs. */
export const CURSOR_FIELDS = deepFreeze({
  properties: { key: 'properties', type: 'string', required: true, metadata: { displayname: 'Properties' } },
} satisfies Record<string, FieldSpec>);

/**
 * Cursor (Connector Builder, polling monitor flows only; contract POLLING): saves Properties as the value the
 * Polling Monitor card's Cursor output gives the next run. More than 10 KB fails the card, as Okta documents.
 */
export const cursorCard = kernelCard('control:cursor', 'Flow Control › Cursor', {
  envelope: kernelEnvelope(
    'Save a value that the next run of the polling monitor gets as its Cursor.',
    SOURCES.catalogue,
    { inputs: { extensible: false, rules: ANY } },
  ),
  fields: CURSOR_FIELDS,
  run: (ctx) => {
    const value = ctx.inputs[CURSOR_FIELDS.properties.key] ?? null;
    const bytes = Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value));
    if (bytes > POLLING.cursorLimitBytes)
      throw new CardFailure(
        `the cursor is ${bytes} bytes; Okta keeps at most ${POLLING.cursorLimitBytes} (10 KB): store a time stamp or an id, not the records`,
      );
    return { cursor: { value } };
  },
});
