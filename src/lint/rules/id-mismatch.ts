import { childPointer, isObject, stringOr } from '../../flopack/read/index.js';
import { quote, scopeWhere, show } from '../describe.js';
import { lintRule, type FlowContext } from '../types.js';

/** An entry of `data.<name>` stored under a key other than its `id`. */
function keyIsId(name: string, key: string, value: unknown, ctx: Pick<FlowContext, 'report'>): void {
  if (!isObject(value) || value.id === key) return;
  ctx.report({
    message: `${name.slice(0, -1)} key ${key} differs from its \`id\` ${show(value.id)}`,
    pointer: childPointer(childPointer(`/data/${name}`, key), 'id'),
    hint: 'the key of each entry must repeat its id',
  });
}

/** Reference §1.11 #2 and #10: every map key equals the object's `.id`; flo uuid equals id (inline flos too). */
export const idMismatchRule = lintRule('OC-FLOPACK-ID-MISMATCH', 'error', {
  description:
    'map keys equal `.id` (flos, configs, tables, groups); flo.data.uuid and inline flo id equal the flo id',
  check(ctx) {
    for (const name of ['configs', 'tables', 'groups'] as const) {
      for (const [key, value] of Object.entries(ctx[name])) keyIsId(name, key, value, ctx);
    }
  },
  flow({ id, flow }, ctx) {
    if (!flow) return;
    keyIsId('flos', id, flow.flo, ctx);
    const uuid = flow.scope?.data.uuid;
    if (flow.scope && uuid !== flow.id) {
      ctx.report({
        message: `flow ${quote(flow.name)}: data.uuid ${show(uuid)} differs from its id ${flow.id}`,
        pointer: childPointer(flow.scope.pointer, 'uuid'),
        where: scopeWhere(flow.scope),
      });
    }
  },
  scope(scope, ctx) {
    if (!scope.inline) return;
    const id = stringOr(scope.data.id);
    if (id === undefined || id !== scope.data.uuid) {
      ctx.report({
        message: `inline flo id ${show(scope.data.id)} differs from its uuid ${show(scope.data.uuid)}`,
        pointer: childPointer(scope.pointer, 'id'),
        where: scopeWhere(scope),
      });
    }
  },
});
