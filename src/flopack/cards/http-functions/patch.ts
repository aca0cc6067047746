import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Patch (`httpfunctions:patch`): a PATCH request (verb.ts). */
export const httpPatchCard = channelCard({
  module: 'httpfunctions',
  key: 'patch',
  name: 'Patch',
  menu: 'HTTP',
  run: verb('PATCH'),
});
