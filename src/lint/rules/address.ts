import { isObject, stringOr } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, rawCard, show } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.4 / §1.11 #4: address = parents.version.address + ":" + node.key, and the parents agree. */
export const addressRule = lintRule('OC-FLOPACK-ADDRESS', 'error', {
  description:
    'card address and parents agree: address = version.address:node.key, version under channel, node.key = model.key',
  card(card, ctx) {
    const { parents, node } = rawCard(card);
    const version =
      isObject(parents) && isObject(parents.version) ? stringOr(parents.version.address) : undefined;
    const channel =
      isObject(parents) && isObject(parents.channel) ? stringOr(parents.channel.address) : undefined;
    const key = isObject(node) ? stringOr(node.key) : undefined;
    if (version === undefined || channel === undefined || key === undefined || card.model === undefined) {
      ctx.report({
        message:
          'the card lacks `parents.version.address`, `parents.channel.address`, `node.key` or `node.model`',
        pointer: cardPropertyPointer(card),
        where: cardWhere(card),
      });
      return;
    }
    if (!isJoined(card.address, version, key)) {
      ctx.report({
        message: `address ${JSON.stringify(card.address)} is not parents.version.address + ":" + node.key (${JSON.stringify(`${version}:${key}`)})`,
        pointer: cardPropertyPointer(card, 'address'),
        where: cardWhere(card),
      });
    }
    if (!isUnder(version, channel)) {
      ctx.report({
        message: `parents.version.address ${JSON.stringify(version)} is not under parents.channel.address ${JSON.stringify(channel)}`,
        pointer: cardPropertyPointer(card, 'parents', 'version', 'address'),
        where: cardWhere(card),
      });
    }
    if (card.model.key !== key) {
      ctx.report({
        message: `node.key ${JSON.stringify(key)} differs from node.model.key ${show(card.model.key)}`,
        pointer: cardPropertyPointer(card, 'node', 'model', 'key'),
        where: cardWhere(card),
      });
    }
  },
});

// Compared in place: joining the parts made two strings per card to compare and drop (some 27,000 per build).

/** Whether `address` is `${version}:${key}`. */
function isJoined(address: string, version: string, key: string): boolean {
  return (
    address.length === version.length + 1 + key.length &&
    address.startsWith(version) &&
    address.charCodeAt(version.length) === COLON &&
    address.endsWith(key)
  );
}

/** Whether `version` starts with `${channel}:`. */
function isUnder(version: string, channel: string): boolean {
  return version.startsWith(channel) && version.charCodeAt(channel.length) === COLON;
}

const COLON = 58;
