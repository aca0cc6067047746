import { SEGMENT_FIELDS } from '../../cards/string/segment.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** Text Segment (`string:substr`): `text` from `start` up to, not including, `end`. */
export function textSegment(
  flow: FlowBuilder,
  path: string,
  text: Value,
  start: Value,
  end: Value,
  name?: string,
): OutputRef {
  const card = flow.add('textSegment', path, name);
  flow.set(card.addInput(SEGMENT_FIELDS.text), text);
  flow.set(card.addInput(SEGMENT_FIELDS.start), start);
  flow.set(card.addInput(SEGMENT_FIELDS.end), end);
  return card.addOutput(SEGMENT_FIELDS.output);
}
