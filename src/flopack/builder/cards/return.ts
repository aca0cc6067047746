import type { CardHandle, InputRef, OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { FieldSpec } from '../../cards/field-spec.js';
import type { IoField } from '../../types.js';

/** Return card (`control:return`): its inputs are what the caller's Call Flow / If Error card outputs. */
export function returnCard(flow: FlowBuilder, path = 'return'): CardHandle {
  return flow.add('return', path);
}

/** Adds a returned field (input + mirrored output) and feeds it `value` (pinned or literal). */
export function addReturnField(
  flow: FlowBuilder,
  card: CardHandle,
  spec: FieldSpec,
  value?: Value,
): { input: InputRef; output: OutputRef } {
  const field = card.addMirrored({ ...spec, metadata: { custom: true, ...spec.metadata } });
  asReturnOutput(field.output);
  if (value !== undefined) flow.set(field.input, value);
  return field;
}

/**
 * A Return card's output as real exports write it (512 of 513 in the issue-15 survey; the Slack walkthrough's
 * flopack): shaped like its input, with `proxy`/`check` in the value and flags "d", unlike other cards' outputs.
 */
function asReturnOutput(output: OutputRef): void {
  const f = output.field as IoField;
  const { error, type, collection, data, available } = f.value;
  f.value = { error, proxy: false, check: false, type, collection, data, available } as IoField['value'];
  f.flags = 'd';
}

/** A Return card with its fields, each fed its value (pinned or literal), in order. */
export function returnWith(
  flow: FlowBuilder,
  fields: ReadonlyArray<[spec: FieldSpec, value: Value]>,
  path = 'return',
): CardHandle {
  const card = returnCard(flow, path);
  for (const [spec, value] of fields) addReturnField(flow, card, spec, value);
  return card;
}
