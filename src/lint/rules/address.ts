import { child, isObj, str, show } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-ADDRESS';

/** Reference §1.4 / §1.11 #4: address = parents.version.address + ":" + node.key, and the parents agree. */
export const addressRule: LintRule = {
  code: CODE,
  severity: 'error',
  description:
    'card address and parents agree: address = version.address:node.key, version under channel, node.key = model.key',
  check(ctx) {
    for (const scope of ctx.scopes) {
      for (const card of scope.cards) {
        const parents = card.raw.parents;
        const node = card.raw.node;
        const version = isObj(parents) && isObj(parents.version) ? str(parents.version.address) : undefined;
        const channel = isObj(parents) && isObj(parents.channel) ? str(parents.channel.address) : undefined;
        const key = isObj(node) ? str(node.key) : undefined;
        if (version === undefined || channel === undefined || key === undefined || card.model === undefined) {
          ctx.report({
            message:
              'the card lacks `parents.version.address`, `parents.channel.address`, `node.key` or `node.model`',
            pointer: card.pointer,
            where: card.where,
          });
          continue;
        }
        if (card.address !== `${version}:${key}`) {
          ctx.report({
            message: `address ${JSON.stringify(card.address)} is not parents.version.address + ":" + node.key (${JSON.stringify(`${version}:${key}`)})`,
            pointer: child(card.pointer, 'address'),
            where: card.where,
          });
        }
        if (!version.startsWith(`${channel}:`)) {
          ctx.report({
            message: `parents.version.address ${JSON.stringify(version)} is not under parents.channel.address ${JSON.stringify(channel)}`,
            pointer: `${card.pointer}/parents/version/address`,
            where: card.where,
          });
        }
        if (card.model.key !== key) {
          ctx.report({
            message: `node.key ${JSON.stringify(key)} differs from node.model.key ${show(card.model.key)}`,
            pointer: `${card.pointer}/node/model/key`,
            where: card.where,
          });
        }
      }
    }
  },
};
