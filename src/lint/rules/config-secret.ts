import { childPointer, isObject, stringOr } from '../../flopack/read/index.js';
import { quote } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.11 #3: connection placeholders never carry data; Okta exports secrets as null. */
export const configSecretRule = lintRule('OC-FLOPACK-CONFIG-SECRET', 'error', {
  description: '`configs[*].data` is null (connection secrets are never exported)',
  check(ctx) {
    for (const [id, config] of Object.entries(ctx.configs)) {
      if (!isObject(config) || config.data === null) continue;
      ctx.report({
        // The value itself is never echoed: it may be a secret.
        message: `connection ${quote(stringOr(config.name) ?? id)} has non-null \`data\`; connection secrets must not be in a flopack`,
        pointer: childPointer(childPointer('/data/configs', id), 'data'),
        hint: 'set "data": null; the importer asks for a connection instead',
      });
    }
  },
});
