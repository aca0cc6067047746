import { channelCard } from '../definition.js';

/** HTTP Close (`httpfunctions:close`): known by name; the simulator does not run it. */
export const httpCloseCard = channelCard('httpfunctions:close', 'HTTP › Close');
