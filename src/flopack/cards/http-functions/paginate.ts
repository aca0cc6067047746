import { deepFreeze } from '../../../util/deep-freeze.js';
import { PAGINATE } from '../../../connector/contract.js';
import { CardFailure } from '../../semantics/failure.js';
import { floInput, isPlainObject } from '../../semantics/fields.js';
import { toText } from '../../semantics/values.js';
import { CALL_FLOW_FIELDS } from '../control/call-flow.js';
import { channelCard } from '../definition.js';
import { FINISH, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

/** The fields the Paginate card's documentation lists: object, path, Helper Flow → output (contract PAGINATE). */
export const PAGINATE_FIELDS = deepFreeze({
  object: { key: PAGINATE.objectInput, type: 'object', required: true },
  path: { key: PAGINATE.pathInput, type: 'string', required: true },
  flo: CALL_FLOW_FIELDS.flo,
  output: { key: PAGINATE.output, type: 'object' },
} satisfies Record<string, FieldSpec>);

/**
 * Paginate (Connector Builder only; contract PAGINATE): runs the helper flow with the object's keys as its inputs,
 * takes its result as the next object, and goes on while the object still has the `path` key, at most 5,000 times.
 * A helper failure fails the card (so the action reports the page's error).
 */
export const paginateCard = channelCard('httpfunctions:paginate', 'HTTP › Paginate', {
  timeoutMs: 300_000,
  envelope: kernelEnvelope(
    'Use a helper flow to paginate through multiple pages of an HTTP response.',
    SOURCES.catalogue,
    {
      channel: {
        version: '1.0.11',
        versionId: 216,
        channelId: 72,
        partnerChannelKeys: 65,
        metadataId: 11851,
      },
      async: true,
      executable: true,
      policy: FINISH,
      inputs: { extensible: false },
      outputs: { extensible: false },
      tail: {
        display: {},
        comments: 'Use a helper flow to paginate through multiple pages of an HTTP response.',
        enableNewMetadata: true,
      },
    },
  ),
  fields: PAGINATE_FIELDS,
  run: async (ctx) => {
    const ref = floInput(ctx.fields);
    if (!ref) throw new CardFailure(`${ctx.card.node.data.name}: no helper flow chosen in the Paginate card`);
    const path = toText(ctx.inputs[PAGINATE.pathInput]);
    const given = ctx.inputs[PAGINATE.objectInput];
    if (!isPlainObject(given))
      throw new CardFailure(`${ctx.card.node.data.name}: "object" must be an object`);
    let object: Record<string, unknown> = given;
    for (let iteration = 1; iteration <= PAGINATE.maxIterations; iteration++) {
      const r = await ctx.runFlow(ref, { ...object });
      const next = r.outputs[PAGINATE.helperReturn];
      if (!isPlainObject(next))
        throw new CardFailure(
          `${ctx.card.node.data.name}: the helper flow must return the pagination object as "${PAGINATE.helperReturn}"`,
        );
      object = next;
      if (!Object.hasOwn(object, path)) break;
    }
    return { outputs: { [PAGINATE.output]: object } };
  },
});
