import { JSON_PARSE_FIELDS } from '../../cards/json/parse.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** JSON Parse (`json:parse`): input `string` → `output` object (make_api_requests_http_card). */
export function jsonParse(flow: FlowBuilder, path: string, text: Value, name?: string): OutputRef {
  return unaryCard(flow, 'jsonParse', JSON_PARSE_FIELDS, path, text, name);
}
