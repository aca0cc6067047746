import { channelCard } from '../definition.js';
import { verb } from './verb.js';

/** HTTP Post (`httpfunctions:post`): a POST request (verb.ts). */
export const httpPostCard = channelCard({
  module: 'httpfunctions',
  key: 'post',
  name: 'Post',
  menu: 'HTTP',
  run: verb('POST'),
});
