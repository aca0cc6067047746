import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-STRUCTURE';

/** Shapes the indexer could not read (a card that is not an object, `methods` not a list); reference §1.3–1.4. */
export const structureRule: LintRule = {
  code: CODE,
  severity: 'error',
  description: 'flows and cards have the shape of an export (flo.data object, methods list, card objects)',
  check(ctx) {
    for (const finding of ctx.structure) ctx.report(finding);
  },
};
