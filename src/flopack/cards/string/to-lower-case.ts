import { kernelCard } from '../definition.js';
import { textFunction } from './unary.js';

/** To Lower Case (`string:toLowerCase`). */
export const toLowerCaseCard = kernelCard({
  module: 'string',
  key: 'toLowerCase',
  name: 'To Lower Case',
  menu: 'Text',
  run: textFunction((s) => s.toLowerCase()),
});
