import { child, isObj, quote, str, show } from '../json.js';
import type { LintRule } from '../types.js';

const CODE = 'OC-FLOPACK-ID-MISMATCH';

/** Reference §1.11 #2 and #10: every map key equals the object's `.id`; flo uuid equals id (inline flos too). */
export const idMismatchRule: LintRule = {
  code: CODE,
  severity: 'error',
  description:
    'map keys equal `.id` (flos, configs, tables, groups); flo.data.uuid and inline flo id equal the flo id',
  check(ctx) {
    for (const name of ['flos', 'configs', 'tables', 'groups'] as const) {
      for (const [key, value] of Object.entries(ctx[name])) {
        if (!isObj(value)) continue;
        if (value.id !== key) {
          ctx.report({
            message: `${name.slice(0, -1)} key ${key} differs from its \`id\` ${show(value.id)}`,
            pointer: child(child(`/data/${name}`, key), 'id'),
            hint: 'the key of each entry must repeat its id',
          });
        }
      }
    }
    for (const flow of ctx.flows) {
      const uuid = flow.scope?.data.uuid;
      if (flow.scope && uuid !== flow.id) {
        ctx.report({
          message: `flow ${quote(flow.name)}: data.uuid ${show(uuid)} differs from its id ${flow.id}`,
          pointer: child(flow.scope.pointer, 'uuid'),
          where: flow.scope.where,
        });
      }
    }
    for (const scope of ctx.scopes) {
      if (!scope.inline) continue;
      const id = str(scope.data.id);
      if (id === undefined || id !== scope.data.uuid) {
        ctx.report({
          message: `inline flo id ${show(scope.data.id)} differs from its uuid ${show(scope.data.uuid)}`,
          pointer: child(scope.pointer, 'id'),
          where: scope.where,
        });
      }
    }
  },
};
