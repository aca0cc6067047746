import { child, kernelTail } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-COMPOSE-PLACEHOLDER';
const PLACEHOLDER = /\{\{\{([^}]+)\}\}\}/g;

/** Reference §1.6 / §1.11 #9: every `{{{key}}}` in a Compose text is the key of another input of that card. */
export const composePlaceholderRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'Compose `{{{key}}}` placeholders each have an input with that key',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        if (kernelTail(card.address) !== 'string:compose') continue;
        const keys = new Set([...card.inputs.values()].map((io) => io.key));
        for (const io of card.inputs.values()) {
          const text = io.value?.data;
          if (io.key !== '_text_' || typeof text !== 'string') continue;
          const missing = new Set<string>();
          for (const match of text.matchAll(PLACEHOLDER)) if (!keys.has(match[1]!)) missing.add(match[1]!);
          for (const key of missing) {
            ctx.report({
              message: `placeholder {{{${key}}}} has no input with key ${JSON.stringify(key)} on this Compose card`,
              pointer: child(child(io.pointer, 'value'), 'data'),
              where: card.where,
              hint: 'add an input with that key (and pin a value into it), or remove the placeholder',
            });
          }
        }
      }
    }
  },
};
