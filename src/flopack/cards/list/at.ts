import { kernelCard } from '../definition.js';

/** At (`list:at`): known by name; the simulator does not run it. */
export const listAtCard = kernelCard('list:at', 'List › At');
