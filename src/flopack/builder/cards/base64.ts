import { TEXT_IN_TEXT_OUT } from '../../cards/string/unary.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** Base64 (`string:base64`): input `string` ("text") → `output` (reference §1.7). */
export function base64(flow: FlowBuilder, path: string, text: Value, name?: string): OutputRef {
  return unaryCard(flow, 'base64', TEXT_IN_TEXT_OUT, path, text, name);
}
