import { deepFreeze } from '../../../util/deep-freeze.js';
import { toText } from '../../semantics/values.js';
import { kernelCard } from '../definition.js';
import { SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';
import { listOf } from './loop.js';

/**
 * Field keys as Okta's function reference names them (List › List to Text: `list`, `separator` → `text`); the
 * address `list:join` from the templates' catalogue (reference Appendix A). No local sample: [I] for the envelope.
 */
export const JOIN_FIELDS = deepFreeze({
  list: { key: 'list', type: 'string', collection: true, required: true },
  separator: { key: 'separator', type: 'string' },
  output: { key: 'text', type: 'string' },
} satisfies Record<string, FieldSpec>);

/** List to Text (`list:join`): the items as text with `separator` between them. */
export const listToTextCard = kernelCard('list:join', 'List › List to Text', {
  envelope: kernelEnvelope(
    'Generate a single text output from a list, with an optional separator.',
    SOURCES.catalogue,
  ),
  fields: JOIN_FIELDS,
  run: (ctx) => ({
    outputs: {
      [JOIN_FIELDS.output.key]: listOf(ctx.inputs[JOIN_FIELDS.list.key])
        .map((item) => toText(item))
        .join(toText(ctx.inputs[JOIN_FIELDS.separator.key] ?? '')),
    },
  }),
});
