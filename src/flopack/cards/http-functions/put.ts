import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Put (`httpfunctions:put`): a PUT request (verb.ts). */
export const httpPutCard = channelCard('httpfunctions:put', 'HTTP › Put', { run: verb('PUT') });
