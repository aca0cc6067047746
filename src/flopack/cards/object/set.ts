import { allOutputs } from '../../semantics/fields.js';
import { withPath } from '../../semantics/paths.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';

/** Set (`object:set`): a copy of `object` with `value` at `path`. */
export const setCard = kernelCard('object:set', 'Object › Set', {
  run: (ctx) => ({
    byId: allOutputs(
      ctx,
      withPath(ctx.inputs['object'] ?? {}, toText(ctx.inputs['path']), ctx.inputs['value']),
    ),
  }),
});
