import {
  FlowBuilder,
  TryCatch,
  addStartField,
  helperFlowStart,
  type OutputRef,
} from '../flopack/builder/index.js';
import { optionalIn } from '../spec/empty-values.js';
import type { GenerationContext } from './generation-context.js';
import { TemplateScope } from './template-scope.js';

/**
 * The start system flows share (`_authping`, `_revoke`): a Helper Flow whose only input is the connection, an If
 * Error around the request, and the connection wormholed into it; the request may read `${connection.*}` only.
 */
export function guardedConnectionFlow(context: GenerationContext, name: string) {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const guard = new TryCatch(flow, 'try', 'If Error');
  const tf = guard.tryFlow;
  const innerAuth: OutputRef = guard.wormhole(auth, 'try', context.connectionType());
  const scope = new TemplateScope(tf, {
    resolve(source, key) {
      if (source !== 'connection')
        throw new Error(`${name}'s request may only use \${connection.*}, not \${${source}.${key}}`);
      return tf.path(innerAuth, [key]);
    },
    optional: optionalIn(context.spec, undefined),
  });
  return { flow, guard, tf, innerAuth, scope };
}
