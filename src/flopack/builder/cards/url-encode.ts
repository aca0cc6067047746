import { TEXT_IN_TEXT_OUT } from '../../cards/string/unary.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** Encode Component (`url:encodeComponent`): input `string` → `output`, percent-encoded (reference §1.7). */
export function urlEncode(flow: FlowBuilder, path: string, text: Value, name?: string): OutputRef {
  return unaryCard(flow, 'urlEncode', TEXT_IN_TEXT_OUT, path, text, name);
}
