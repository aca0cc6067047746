import type { CardHandle, InputRef, OutputRef } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { FieldSpec } from '../io.js';
import { deepFreeze } from '../defaults.js';

const PARENT_TYPE = deepFreeze({
  id: { type: 'string', collection: false },
  method: { type: 'string', collection: false },
  name: { type: 'string', collection: false },
  execution_id: { type: 'string', collection: false },
});
/** The `error` context object of a Helper Flow / If Error error branch (reference §1.7). */
export const ERROR_TYPE = deepFreeze({
  message: { type: 'string', collection: false },
  method: { type: 'string', collection: false },
  flo: { type: 'number', collection: false },
  execution: { type: 'string', collection: false },
});

/**
 * Helper Flow event card (`control:callable`). `context: 'top'` adds the four system fields every top-level
 * Helper Flow carries (index, parent, error, execution_id); `'error'` only the `error` object (If Error's error
 * branch); `'none'` nothing (If Error's try branch, which only has wormholes).
 */
export function helperFlowStart(
  flow: FlowBuilder,
  context: 'top' | 'error' | 'none' = 'top',
  path = 'start',
): CardHandle {
  const card = flow.add('callable', path);
  const ctx = (
    key: string,
    type: FieldSpec['type'],
    displayname: string,
    extra: Record<string, unknown> = {},
  ) => card.addMirrored({ key, group: 'context', type, data: null, metadata: { displayname, ...extra } });
  if (context === 'top') {
    ctx('index', 'number', 'Index');
    ctx('parent', PARENT_TYPE, 'Caller', { collapsed: true });
    ctx('error', ERROR_TYPE, 'Error', { collapsed: true });
    ctx('execution_id', 'string', 'Execution ID');
  } else if (context === 'error') {
    ctx('error', ERROR_TYPE, 'Error');
  }
  return card;
}

/** A custom field on a Helper Flow card: an input and its mirrored output (metadata.custom, §1.5). */
export function addStartField(card: CardHandle, spec: FieldSpec): { input: InputRef; output: OutputRef } {
  return card.addMirrored({
    ...spec,
    metadata: { custom: true, ...spec.metadata },
  });
}
