import { kernelCard } from '../definition.js';
import { textFunction } from './unary.js';

/** Trim (`string:trim`). */
export const trimCard = kernelCard({
  module: 'string',
  key: 'trim',
  name: 'Trim',
  menu: 'Text',
  run: textFunction((s) => s.trim()),
});
