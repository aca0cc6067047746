import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

/**
 * Object Merge (`object:merge`): inputs `start` ("object 1"), `sink` ("object 2") as on the real card, then
 * extensible custom inputs. [I] Keys of later inputs win (the simulator follows contract.ts MERGE_ORDER).
 */
export function merge(flow: FlowBuilder, path: string, objects: Value[], name?: string): OutputRef {
  const card = flow.add('merge', path, name);
  objects.forEach((object, i) => {
    const key = i === 0 ? 'start' : i === 1 ? 'sink' : `object${i + 1}`;
    const input = card.addInput({
      key,
      type: 'object',
      data: {},
      required: i < 2,
      metadata: i < 2 ? { displayname: `object ${i + 1}` } : { custom: true },
    });
    flow.set(input, object);
  });
  return card.addOutput({ key: 'output', type: 'object', data: {} });
}
