import type { OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';
import { addOperands, type Condition } from './operands.js';

/** Assign If (`control:assignIf`): `output` = condition ? valueIfTrue : valueIfFalse (real card, PAM template). */
export function assignIf(
  flow: FlowBuilder,
  path: string,
  condition: Condition,
  ifTrue: Value,
  ifFalse: Value,
  type: IoType = 'string',
  name?: string,
): OutputRef {
  const card = flow.add('assignIf', path, name);
  addOperands(flow, card, condition);
  const t = card.addInput({
    key: 'valueIfTrue',
    type,
    available: ['*'],
    metadata: { displayname: 'value if true' },
  });
  const f = card.addInput({
    key: 'valueIfFalse',
    type,
    available: ['*'],
    metadata: { displayname: 'value if false' },
  });
  flow.set(t, ifTrue);
  flow.set(f, ifFalse);
  return card.addOutput({ key: 'output', type, available: ['*'] });
}
