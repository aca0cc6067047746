import { kernelCard } from '../definition.js';

/** Comment (`control:comment`): a note on the canvas; does nothing. */
export const commentCard = kernelCard({
  module: 'control',
  key: 'comment',
  name: 'Comment',
  menu: 'Flow Control',
  run: () => ({}),
});
