import { kernelCard } from '../definition.js';

/** Comment (`control:comment`): a note on the canvas; does nothing. */
export const commentCard = kernelCard('control:comment', 'Flow Control › Comment', { run: () => ({}) });
