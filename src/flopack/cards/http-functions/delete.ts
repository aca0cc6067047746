import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Delete (`httpfunctions:delete`): a DELETE request (verb.ts). */
export const httpDeleteCard = channelCard('httpfunctions:delete', 'HTTP › Delete', { run: verb('DELETE') });
