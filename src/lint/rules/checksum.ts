import { isObject } from '../../flopack/read/index.js';
import { lintRule } from '../types.js';

/** Reference §1.1: 1.3.0/1.4.0 exports carry a checksum we cannot recompute; hand edits may invalidate it. */
export const checksumRule = lintRule('OC-FLOPACK-CHECKSUM', 'warning', {
  description: 'a `checksum` is present (hand edits may invalidate it; 1.5.0 exports omit it)',
  check(ctx) {
    if (isObject(ctx.root) && 'checksum' in ctx.root) {
      ctx.report({
        message: 'the file carries a `checksum`; if the file was edited by hand the import may reject it',
        pointer: '/checksum',
        hint: 'remove `checksum` and set "version": "1.5.0" when you edit an export',
      });
    }
  },
});
