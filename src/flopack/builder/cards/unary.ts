import type { CardKind, FieldSpec } from '../../cards/index.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** One-input function cards: the kind's declared input, fed `value`, → its `output`. */
export function unaryCard(
  flow: FlowBuilder,
  kind: CardKind,
  fields: { input: FieldSpec; output: FieldSpec },
  path: string,
  value: Value,
  name?: string,
): OutputRef {
  const card = flow.add(kind, path, name);
  const input = card.addInput(fields.input);
  const out = card.addOutput(fields.output);
  flow.set(input, value);
  return out;
}
