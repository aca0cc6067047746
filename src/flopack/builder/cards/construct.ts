import { CONSTRUCT_FIELDS } from '../../cards/object/construct.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';

export interface ObjectField {
  key: string;
  value: Value;
  type?: IoType;
  collection?: boolean;
}

/** Object Construct (`object:construct`): one custom input per key → `output` object (reference §1.7). */
export function construct(flow: FlowBuilder, path: string, fields: ObjectField[], name?: string): OutputRef {
  const card = flow.add('construct', path, name);
  for (const f of fields) {
    const input = card.addInput({
      key: f.key,
      type: f.type ?? 'string',
      collection: f.collection ?? false,
      metadata: { custom: true },
    });
    flow.set(input, f.value);
  }
  return card.addOutput(CONSTRUCT_FIELDS.output);
}
