import { HELPER_FLOW_CONTEXT } from '../../cards/control/helper-flow.js';
import type { FieldSpec } from '../../cards/field-spec.js';
import type { CardHandle, InputRef, OutputRef } from '../card.js';
import type { FlowBuilder } from '../flow.js';

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
  const C = HELPER_FLOW_CONTEXT;
  const fields =
    context === 'top'
      ? [C.index, C.parent, C.error, C.executionId]
      : context === 'error'
        ? [C.errorBranch]
        : [];
  for (const field of fields) card.addMirrored(field);
  return card;
}

/** A custom field on a Helper Flow card: an input and its mirrored output (metadata.custom, §1.5). */
export function addStartField(card: CardHandle, spec: FieldSpec): { input: InputRef; output: OutputRef } {
  return card.addMirrored({
    ...spec,
    metadata: { custom: true, ...spec.metadata },
  });
}
