import type { CardHandler } from '../types.js';
import { branchingCards } from './branching.js';
import { callFlowCards } from './call-flow.js';
import { controlCards } from './control.js';
import { errorCards } from './errors.js';
import { httpCards } from './http.js';
import { jsonCards } from './json.js';
import { listCards } from './lists.js';
import { objectCards } from './object.js';
import { stringCards } from './string.js';
import { urlCards } from './url.js';

/** Built-in card handlers keyed by address tail (`<module|channel>:<key>`, version ignored). */
export const BUILTIN_CARDS: ReadonlyMap<string, CardHandler> = new Map(
  Object.entries({
    ...controlCards,
    ...branchingCards,
    ...errorCards,
    ...callFlowCards,
    ...listCards,
    ...stringCards,
    ...objectCards,
    ...jsonCards,
    ...urlCards,
    ...httpCards,
  }),
);

export const SUPPORTED_CARDS: readonly string[] = [...BUILTIN_CARDS.keys()].sort();
