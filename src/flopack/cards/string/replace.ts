import { kernelCard } from '../definition.js';

/** Replace (`string:replace`): known by name; the simulator does not run it. */
export const replaceCard = kernelCard({ module: 'string', key: 'replace', name: 'Replace', menu: 'Text' });
