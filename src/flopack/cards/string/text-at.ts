import { kernelCard } from '../definition.js';

/** Text At (`string:at`): known by name; the simulator does not run it. */
export const textAtCard = kernelCard({ module: 'string', key: 'at', name: 'Text At', menu: 'Text' });
