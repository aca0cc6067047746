import type { Flopack, IoField } from '../flopack/types.js';
import { CONNECTION_INPUT_KEY, OPTION_GROUP } from '../connector/contract.js';
import { graphOf, inIndexOrder, readFlo } from '../flopack/read/index.js';

/** One field of a flow's start card that a caller fills in. */
export interface FlowField {
  key: string;
  /** The field's display name, which the interpreter also accepts as its key. */
  label?: string;
  kind: 'option' | 'input' | 'connection';
  type: string;
  /** A list field (a list of text is type `string` too). */
  list?: true;
}

/**
 * The fields a flow's start card (as the interpreter finds it, reference §1.6) exposes, outside the `context`
 * group. For generated connector flows (src/connector/contract.ts) options sit in the `parameters`
 * group and the connection is the `auth` field; everything else is an input.
 */
export function startCardFields(flopack: Flopack, floId: string): FlowField[] | undefined {
  const flo = flopack.data.flos[floId];
  if (!flo?.data || !Array.isArray(flo.data.methods)) return undefined;
  // The interpreter's own notion of the start card and its fields, so what we accept is what it feeds.
  const start = graphOf(readFlo(flo.data)).start;
  if (!start) return undefined;
  return inIndexOrder(start.inputs)
    .filter((f: IoField) => f.group !== 'context')
    .map((f: IoField) => ({
      key: f.key,
      ...(f.metadata?.displayname ? { label: f.metadata.displayname } : {}),
      kind: f.key === CONNECTION_INPUT_KEY ? 'connection' : f.group === OPTION_GROUP ? 'option' : 'input',
      type: typeof f.value?.type === 'string' ? f.value.type : 'object',
      ...(f.value?.collection ? { list: true as const } : {}),
    }));
}

/** Output key → label, from the flow's Return card (its inputs carry the labels as display names). */
export function outputLabels(flopack: Flopack, floId: string): Record<string, string> {
  const flo = flopack.data.flos[floId];
  const labels: Record<string, string> = {};
  if (!flo?.data) return labels;
  for (const card of readFlo(flo.data).cards) {
    if (card.tail !== 'control:return') continue;
    for (const { key, field } of card.inputs.values()) {
      const label = field.metadata?.displayname;
      if (label) labels[key] = label;
    }
  }
  return labels;
}
