import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Put (`httpfunctions:put`): a PUT request (verb.ts). */
export const httpPutCard = channelCard({
  module: 'httpfunctions',
  key: 'put',
  name: 'Put',
  menu: 'HTTP',
  run: verb('PUT'),
});
