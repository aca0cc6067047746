import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** Encode Component (`url:encodeComponent`): input `string` → `output`, percent-encoded (reference §1.7). */
export function urlEncode(flow: FlowBuilder, path: string, text: Value, name?: string): OutputRef {
  return unaryCard(
    flow,
    'urlEncode',
    path,
    { key: 'string', type: 'string', displayname: 'text' },
    text,
    'string',
    name,
  );
}
