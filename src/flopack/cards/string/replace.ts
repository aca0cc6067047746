import { kernelCard } from '../definition.js';

/** Replace (`string:replace`): known by name; the simulator does not run it. */
export const replaceCard = kernelCard('string:replace', 'Text › Replace');
