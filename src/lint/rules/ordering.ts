import { childPointer, isObject } from '../../flopack/read/index.js';
import { scopeWhere } from '../describe.js';
import { lintRule } from '../types.js';

/**
 * Reference §1.6 / §1.11 #11: each ordering is a [from, to] pair of cards of the same scope. Stale uuids make
 * the importer fail with "TypeError: flo.id is not a function".
 */
export const orderingRule = lintRule('OC-FLOPACK-ORDERING', 'error', {
  description:
    'orderings are [from, to] pairs of cards in the same flow scope (else "flo.id is not a function")',
  scope(scope, ctx) {
    const orderings = scope.data.orderings;
    const base = childPointer(scope.pointer, 'orderings');
    const where = scopeWhere(scope);
    if (orderings === undefined && scope.cards.length <= 1) return;
    if (!isObject(orderings)) {
      ctx.report({ message: '`orderings` must be an object of [from, to] pairs', pointer: base, where });
      return;
    }
    for (const [key, pair] of Object.entries(orderings)) {
      const pointer = childPointer(base, key);
      if (!Array.isArray(pair) || pair.length !== 2 || pair.some((x) => typeof x !== 'string')) {
        ctx.report({ message: `ordering ${key} is not a [from, to] pair of card uuids`, pointer, where });
        continue;
      }
      pair.forEach((uuid: string, i) => {
        if (scope.byUuid.has(uuid)) return;
        ctx.report({
          message: `ordering ${key} ${i === 0 ? 'starts at' : 'leads to'} card ${uuid}, which is not in this flow`,
          pointer: childPointer(pointer, i),
          where,
          hint: 'Okta\'s importer fails with "TypeError: flo.id is not a function"; list only this flow\'s card uuids',
        });
      });
    }
  },
});
