import { kernelCard } from '../definition.js';

/** Lookup (`control:lookup`): known by name; the simulator does not run it. */
export const lookupCard = kernelCard('control:lookup', 'Branching › Lookup');
