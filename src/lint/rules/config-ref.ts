import { isObject, stringOr } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, quote, show } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.4 / §1.11 #8: a connector card's `model.config` names a `data.configs` entry of the same module. */
/** A card's connection reference, checked against `data.configs` once the envelope is known. */
interface ConfigUse {
  /** `model.config` when it is a string; else what the message shows of it. */
  ref: string | undefined;
  shown: string;
  channel: string;
  pointer: string;
  where: string;
}

export const configRefRule = lintRule<ConfigUse>('OC-FLOPACK-CONFIG-REF', 'error', {
  description: "connector cards' `model.config` is in `data.configs` with the card's channel as `module`",
  card(card, ctx) {
    const channel = card.parts?.family === 'channel' ? card.parts.module : undefined;
    const ref = card.model?.config;
    if (channel === undefined || ref === null || ref === undefined) return;
    ctx.note({
      ref: typeof ref === 'string' ? ref : undefined,
      shown: show(ref),
      channel,
      pointer: cardPropertyPointer(card, 'node', 'model', 'config'),
      where: cardWhere(card),
    });
  },
  check(ctx) {
    for (const { ref, shown, channel, pointer, where } of ctx.notes) {
      const config = ref !== undefined ? ctx.configs[ref] : undefined;
      if (!isObject(config)) {
        ctx.report({
          message: `the card uses connection ${shown}, which is not in \`data.configs\``,
          pointer,
          where,
          hint: 'add a placeholder {id, name, module, data: null} to data.configs, or set config to null',
        });
      } else if (config.module !== channel) {
        ctx.report({
          message: `connection ${quote(stringOr(config.name) ?? String(ref))} is for module ${show(config.module)} but the card is a ${JSON.stringify(channel)} card`,
          pointer,
          where,
        });
      }
    }
  },
});
