import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Get (`httpfunctions:get`): a GET request (verb.ts). */
export const httpGetCard = channelCard('httpfunctions:get', 'HTTP › Get', { run: verb('GET') });
