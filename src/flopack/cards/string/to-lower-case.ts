import { kernelCard } from '../definition.js';
import { textFunction } from './unary.js';

/** To Lower Case (`string:toLowerCase`). */
export const toLowerCaseCard = kernelCard('string:toLowerCase', 'Text › To Lower Case', {
  run: textFunction((s) => s.toLowerCase()),
});
