import { kernelCard } from '../definition.js';
import { textFunction } from './unary.js';

/** To Upper Case (`string:toUpperCase`). */
export const toUpperCaseCard = kernelCard({
  module: 'string',
  key: 'toUpperCase',
  name: 'To Upper Case',
  menu: 'Text',
  run: textFunction((s) => s.toUpperCase()),
});
