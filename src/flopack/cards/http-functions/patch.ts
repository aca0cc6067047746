import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Patch (`httpfunctions:patch`): a PATCH request (verb.ts). */
export const httpPatchCard = channelCard('httpfunctions:patch', 'HTTP › Patch', { run: verb('PATCH') });
