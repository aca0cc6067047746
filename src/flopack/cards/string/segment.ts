import { deepFreeze } from '../../../util/deep-freeze.js';
import { allOutputs } from '../../semantics/fields.js';
import { toNumber, toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/**
 * The address is the one 20 cards named Text Segment carry in Okta's templates catalogue (reference Appendix A).
 * [I] Field keys: Okta's reference names them text, start at, end before → segment; no local sample.
 */
export const SEGMENT_FIELDS = deepFreeze({
  text: { key: 'text', type: 'string', required: true },
  start: { key: 'start', type: 'number', metadata: { displayname: 'start at' } },
  end: { key: 'end', type: 'number', metadata: { displayname: 'end before' } },
  output: { key: 'output', type: 'string', metadata: { displayname: 'segment' } },
} satisfies Record<string, FieldSpec>);

/** Text Segment (`string:substr`): the characters of `text` from `start at` up to, not including, `end before`. */
export const textSegmentCard = kernelCard('string:substr', 'Text › Text Segment', {
  envelope: kernelEnvelope('Extract a segment of text by position.', SOURCES.catalogue),
  fields: SEGMENT_FIELDS,
  run: (ctx) => {
    const text = toText(ctx.inputs[SEGMENT_FIELDS.text.key]);
    const start = toNumber(ctx.inputs[SEGMENT_FIELDS.start.key]) ?? 0;
    const end = toNumber(ctx.inputs[SEGMENT_FIELDS.end.key]) ?? text.length;
    return { byId: allOutputs(ctx, text.slice(start, end)) };
  },
});
