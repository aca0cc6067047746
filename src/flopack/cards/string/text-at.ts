import { kernelCard } from '../definition.js';

/** Text At (`string:at`): known by name; the simulator does not run it. */
export const textAtCard = kernelCard('string:at', 'Text › Text At');
