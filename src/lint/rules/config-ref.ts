import { isObject, stringOr } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, quote, show } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.4 / §1.11 #8: a connector card's `model.config` names a `data.configs` entry of the same module. */
export const configRefRule = lintRule('OC-FLOPACK-CONFIG-REF', 'error', {
  description: "connector cards' `model.config` is in `data.configs` with the card's channel as `module`",
  card(card, ctx) {
    const channel = card.parts?.family === 'channel' ? card.parts.module : undefined;
    const ref = card.model?.config;
    if (channel === undefined || ref === null || ref === undefined) return;
    const pointer = cardPropertyPointer(card, 'node', 'model', 'config');
    const config = typeof ref === 'string' ? ctx.configs[ref] : undefined;
    if (!isObject(config)) {
      ctx.report({
        message: `the card uses connection ${show(ref)}, which is not in \`data.configs\``,
        pointer,
        where: cardWhere(card),
        hint: 'add a placeholder {id, name, module, data: null} to data.configs, or set config to null',
      });
    } else if (config.module !== channel) {
      ctx.report({
        message: `connection ${quote(stringOr(config.name) ?? String(ref))} is for module ${show(config.module)} but the card is a ${JSON.stringify(channel)} card`,
        pointer,
        where: cardWhere(card),
      });
    }
  },
});
