import type { CardHandler } from '../simulate/types.js';
import { readUser } from './read-user.js';

/** Okta connector cards the simulator runs when given as `extraCards` (keyed by address tail). */
export const OKTA_CARDS: Record<string, CardHandler> = { 'okta:readUser': readUser };

export { readUser, OKTA_USER_INPUT } from './read-user.js';
