import { kernelCard } from '../definition.js';

/** Lookup (`control:lookup`): known by name; the simulator does not run it. */
export const lookupCard = kernelCard({ module: 'control', key: 'lookup', name: 'Lookup', menu: 'Branching' });
