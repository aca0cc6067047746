import { kernelCard } from '../definition.js';

/** Length (`string:length`): known by name; the simulator does not run it. */
export const textLengthCard = kernelCard('string:length', 'Text › Length');
