import { isObject } from '../../flopack/read/index.js';
import { show } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §1.2 and §1.11 #1–2: the document envelope Okta's importer expects. */
export const topLevelRule = lintRule('OC-FLOPACK-TOP', 'error', {
  description:
    'top-level envelope: type "flopack", version 1.x.y, created/flags/data present, data maps are objects',
  check(ctx) {
    const root = ctx.root;
    if (!isObject(root)) {
      ctx.report({ message: 'expected a flopack JSON object at the top level', pointer: '' });
      return;
    }
    if (root.type !== 'flopack') {
      ctx.report({
        message: `\`type\` must be "flopack" but is ${show(root.type)}`,
        pointer: '/type',
      });
    }
    if (typeof root.version !== 'string' || !/^1\.\d+\.\d+$/.test(root.version)) {
      ctx.report({
        message: `\`version\` must look like 1.x.y but is ${show(root.version)}`,
        pointer: '/version',
        hint: 'Okta exports use 1.2.0 to 1.5.0; generated files use "1.5.0"',
      });
    }
    for (const key of ['created', 'flags', 'data']) {
      if (!(key in root)) ctx.report({ message: `the top-level \`${key}\` field is missing`, pointer: '' });
    }
    if (!isObject(root.data)) {
      if ('data' in root) ctx.report({ message: '`data` must be an object', pointer: '/data' });
      return;
    }
    for (const key of ['flos', 'configs', 'tables', 'groups']) {
      if (!isObject(root.data[key])) {
        ctx.report({
          message: `\`data.${key}\` must be an object (a map keyed by id)`,
          pointer: `/data/${key}`,
          hint: key === 'flos' ? undefined : 'use {} when there are none',
        });
      }
    }
  },
});
