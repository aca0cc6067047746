import { COMPOSE_FIELDS } from '../../cards/string/compose.js';
import { isOutputRef, type OutputRef } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/** A piece of Compose text: literal text, or a value dropped into the text. */
export type ComposePart = string | OutputRef;

/**
 * Compose (`string:compose`): `_text_` holds the template with `{{{key}}}` tokens, one extra input per token
 * whose `key` is a random-looking id (reference §1.6). Literal text containing `{` or `}` is put in a static
 * placeholder input instead of the template, so user text such as `{{x}}` or `{{{x}}}` stays text.
 * The same output used twice gets one placeholder.
 */
export function compose(flow: FlowBuilder, path: string, parts: ComposePart[], name?: string): OutputRef {
  const card = flow.add('compose', path, name);
  const text = card.addInput(COMPOSE_FIELDS.text);
  const tokens = new Map<string, string>();
  let template = '';
  let n = 0;
  const placeholder = (): string => flow.ids.shortAt(card.idBase, `placeholder/${n++}`, 9);
  for (const part of parts) {
    if (isOutputRef(part)) {
      let key = tokens.get(part.id);
      if (!key) {
        key = placeholder();
        tokens.set(part.id, key);
        flow.pin(part, card.addInput({ ...COMPOSE_FIELDS.part, key }));
      }
      template += `{{{${key}}}}`;
    } else if (/[{}]/.test(part)) {
      const key = placeholder();
      card.addInput({ ...COMPOSE_FIELDS.part, key, data: part });
      template += `{{{${key}}}}`;
    } else {
      template += part;
    }
  }
  text.field.value.data = template;
  return card.addOutput(COMPOSE_FIELDS.output);
}
