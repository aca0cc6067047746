import { kernelCard } from '../definition.js';
import { textFunction } from './unary.js';

/** To Upper Case (`string:toUpperCase`). */
export const toUpperCaseCard = kernelCard('string:toUpperCase', 'Text › To Upper Case', {
  run: textFunction((s) => s.toUpperCase()),
});
