import { kernelCard } from '../definition.js';
import { textFunction } from './unary.js';

/** Trim (`string:trim`). */
export const trimCard = kernelCard('string:trim', 'Text › Trim', { run: textFunction((s) => s.trim()) });
