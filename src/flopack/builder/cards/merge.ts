import { MERGE_FIELDS } from '../../cards/object/merge.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/**
 * Object Merge (`object:merge`): inputs `start` ("object 1"), `sink` ("object 2") as on the real card, then
 * extensible custom inputs. [I] Keys of later inputs win (the simulator follows contract.ts MERGE_ORDER).
 */
export function merge(flow: FlowBuilder, path: string, objects: Value[], name?: string): OutputRef {
  const card = flow.add('merge', path, name);
  objects.forEach((object, i) => {
    const declared = i === 0 ? MERGE_FIELDS.first : i === 1 ? MERGE_FIELDS.second : undefined;
    const input = card.addInput(
      declared ?? {
        key: `object${i + 1}`,
        type: 'object',
        data: {},
        required: false,
        metadata: { custom: true },
      },
    );
    flow.set(input, object);
  });
  return card.addOutput(MERGE_FIELDS.output);
}
