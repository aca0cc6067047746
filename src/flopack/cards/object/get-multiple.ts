import { getPath } from '../../semantics/paths.js';
import { kernelCard } from '../definition.js';

/** Get Multiple (`object:pick`): every output's key is a path into `object` (`0.type`, `data.userProfile.login`). */
export const getMultipleCard = kernelCard('object:pick', 'Object › Get Multiple', {
  run: (ctx) => {
    const obj = ctx.inputs['object'];
    const byId: Record<string, unknown> = {};
    for (const o of Object.values(ctx.card.node.model.outputs?.data ?? {}))
      byId[o.id] = getPath(obj, o.key) ?? null;
    return { byId };
  },
});
