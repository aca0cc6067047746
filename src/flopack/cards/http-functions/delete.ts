import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Delete (`httpfunctions:delete`): a DELETE request (verb.ts). */
export const httpDeleteCard = channelCard({
  module: 'httpfunctions',
  key: 'delete',
  name: 'Delete',
  menu: 'HTTP',
  run: verb('DELETE'),
});
