import type { Flopack, IoField } from '../flopack/types.js';
import { CONNECTION_INPUT_KEY, OPTION_GROUP } from '../connector/contract.js';

/** One field of a flow's start card that a caller fills in. */
export interface FlowField {
  key: string;
  kind: 'option' | 'input' | 'connection';
  type: string;
}

/** Start cards a caller can feed: Helper Flow (callable) and API Endpoint (accept). Reference §1.7. */
const START_ADDRESSES = [':control:0.0.1:callable', ':http:accept'];

/**
 * The fields a flow's start card exposes: its outputs that are not in the `context` group. For generated
 * connector flows (src/connector/contract.ts) options sit in the `parameters` group and the connection is the
 * `auth` field; everything else is an input.
 */
export function startCardFields(flopack: Flopack, floId: string): FlowField[] | undefined {
  const flo = flopack.data.flos[floId];
  if (!flo) return undefined;
  const start = flo.data.methods.find((m) => START_ADDRESSES.some((a) => m.address.includes(a)));
  if (!start) return undefined;
  const fields = Object.values(start.node.model.outputs?.data ?? {}) as IoField[];
  return fields
    .filter((f) => f.group !== 'context')
    .map((f) => ({
      key: f.key,
      kind:
        f.key === CONNECTION_INPUT_KEY ? 'connection' : f.group === OPTION_GROUP ? 'option' : 'input',
      type: typeof f.value?.type === 'string' ? f.value.type : 'object',
    }));
}
