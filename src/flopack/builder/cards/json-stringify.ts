import { JSON_STRINGIFY_FIELDS } from '../../cards/json/stringify.js';
import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import { unaryCard } from './unary.js';

/** JSON Stringify (`json:stringify`): input `object` → `output` text (reference §1.7). */
export function jsonStringify(flow: FlowBuilder, path: string, object: Value, name?: string): OutputRef {
  return unaryCard(flow, 'jsonStringify', JSON_STRINGIFY_FIELDS, path, object, name);
}
