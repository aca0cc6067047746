import { channelCard } from '../definition.js';

/** HTTP Close (`httpfunctions:close`): known by name; the simulator does not run it. */
export const httpCloseCard = channelCard({
  module: 'httpfunctions',
  key: 'close',
  name: 'Close',
  menu: 'HTTP',
});
