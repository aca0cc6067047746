import { getPath } from '../../semantics/paths.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';

/**
 * The hidden path extractor (`object:expand`, reference §1.6) behind every dot path a person drags: one key/value
 * output group per path, with `metadata.path`; `value` gets the object at that path, `key` keeps the path list.
 * Named after its source card's uuid in exports; the build sheet calls the kind "Path".
 */
export const pathCard = kernelCard('object:expand', 'Object › Path', {
  timeoutMs: 30_000,
  envelope: kernelEnvelope('Pick a set of keys out of an object with lists of keys.', SOURCES.tel, {
    displayed: false,
    outputs: {
      extensible: true,
      groupRules: {
        '*': {
          type: 'object',
          reserved: {
            key: { types: ['string'], collection: '*' },
            value: { types: ['*'], collection: '*' },
          },
          extensible: false,
        },
      },
    },
  }),
  run: (ctx) => {
    const obj = ctx.inputs['object'];
    const byId: Record<string, unknown> = {};
    for (const o of Object.values(ctx.card.node.model.outputs?.data ?? {})) {
      const path = o.metadata?.path;
      if (!Array.isArray(path)) continue;
      byId[o.id] = o.key === 'key' ? path : (getPath(obj, path) ?? null);
    }
    return { byId };
  },
});
