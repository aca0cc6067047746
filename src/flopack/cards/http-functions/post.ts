import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Post (`httpfunctions:post`): a POST request (verb.ts). */
export const httpPostCard = channelCard('httpfunctions:post', 'HTTP › Post', { run: verb('POST') });
