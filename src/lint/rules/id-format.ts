import { childPointer } from '../../flopack/read/index.js';
import { cardPropertyPointer, cardWhere, isLowerUuid, rawCard, show } from '../describe.js';
import { lintRule, type FlowContext } from '../types.js';

const CARD_ID = /^[A-Za-z0-9_-]{6,14}$/;

function idIsUuid(name: string, key: string, ctx: Pick<FlowContext, 'report'>): void {
  if (isLowerUuid(key)) return;
  ctx.report({
    message: `${name.slice(0, -1)} id ${JSON.stringify(key)} is not a lower-case UUID`,
    pointer: childPointer(`/data/${name}`, key),
  });
}

/** Reference §1.2/§1.4 (warning): real exports use lower-case UUIDv4 ids and 6–14 char nanoid card uuids. */
export const idFormatRule = lintRule('OC-FLOPACK-ID-FORMAT', 'warning', {
  description: 'flow/config/table/group ids are lower-case UUIDs and card uuids are 6–14 char nanoids',
  check(ctx) {
    for (const name of ['configs', 'tables', 'groups'] as const) {
      for (const key of Object.keys(ctx[name])) idIsUuid(name, key, ctx);
    }
  },
  flow({ id }, ctx) {
    idIsUuid('flos', id, ctx);
  },
  card(card, ctx) {
    const uuid = rawCard(card).uuid;
    if (typeof uuid === 'string' && !CARD_ID.test(uuid)) {
      ctx.report({
        message: `card uuid ${show(uuid)} is not 6–14 characters of [A-Za-z0-9_-]`,
        pointer: cardPropertyPointer(card, 'uuid'),
        where: cardWhere(card),
      });
    }
  },
});
