import { COMPOSE_FIELDS, COMPOSE_PLACEHOLDER } from '../../flopack/cards/string/compose.js';
import { cardWhere, fieldValue, valuePointer } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.6 / §1.11 #9: every `{{{key}}}` in a Compose text is the key of another input of that card. */
export const composePlaceholderRule = lintRule('OC-FLOPACK-COMPOSE-PLACEHOLDER', 'error', {
  description: 'Compose `{{{key}}}` placeholders each have an input with that key',
  card(card, ctx) {
    if (card.parts?.family !== 'kernel' || card.tail !== 'string:compose') return;
    const keys = new Set([...card.inputs.values()].map((io) => io.key));
    for (const io of card.inputs.values()) {
      const text = fieldValue(io)?.data;
      if (io.key !== COMPOSE_FIELDS.text.key || typeof text !== 'string') continue;
      const missing = new Set<string>();
      for (const match of text.matchAll(COMPOSE_PLACEHOLDER))
        if (!keys.has(match[1]!)) missing.add(match[1]!);
      for (const key of missing) {
        ctx.report({
          message: `placeholder {{{${key}}}} has no input with key ${JSON.stringify(key)} on this Compose card`,
          pointer: valuePointer(card, io),
          where: cardWhere(card),
          hint: 'add an input with that key (and pin a value into it), or remove the placeholder',
        });
      }
    }
  },
});
