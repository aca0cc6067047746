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
    if (orderings === undefined && scope.cards.length <= 1) return;
    // Pointers and labels are made only for a finding: a build checks some 20,000 orderings, nearly all fine.
    const pointer = (...segments: Array<string | number>) =>
      segments.reduce<string>((p, s) => childPointer(p, s), childPointer(scope.pointer, 'orderings'));
    if (!isObject(orderings)) {
      ctx.report({
        message: '`orderings` must be an object of [from, to] pairs',
        pointer: pointer(),
        where: scopeWhere(scope),
      });
      return;
    }
    for (const key of Object.keys(orderings)) {
      const pair = orderings[key];
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        typeof pair[0] !== 'string' ||
        typeof pair[1] !== 'string'
      ) {
        ctx.report({
          message: `ordering ${key} is not a [from, to] pair of card uuids`,
          pointer: pointer(key),
          where: scopeWhere(scope),
        });
        continue;
      }
      for (let i = 0; i < 2; i++) {
        const uuid = pair[i] as string;
        if (scope.byUuid.has(uuid)) continue;
        ctx.report({
          message: `ordering ${key} ${i === 0 ? 'starts at' : 'leads to'} card ${uuid}, which is not in this flow`,
          pointer: pointer(key, i),
          where: scopeWhere(scope),
          hint: 'Okta\'s importer fails with "TypeError: flo.id is not a function"; list only this flow\'s card uuids',
        });
      }
    }
  },
});
