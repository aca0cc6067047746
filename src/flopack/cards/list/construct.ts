import { kernelCard } from '../definition.js';

/** Construct (`list:construct`): known by name; the simulator does not run it. */
export const listConstructCard = kernelCard('list:construct', 'List › Construct');
