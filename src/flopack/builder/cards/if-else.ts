import { IF_ELSE_FIELDS } from '../../cards/control/if-else.js';
import type { CardHandle, OutputRef } from '../card.js';
import type { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';
import { conditionCard, type Condition } from './operands.js';

/**
 * If/Else (`control:if`) with its two `control:noop` branch heads (`branches: {true, false}`) and the
 * `control:join` that both branches flow into — all in one flo (reference §1.6; telephony flow):
 * orderings `head → first → … → join` plus `head → join` and `card → join` for every branch card.
 * The If card itself has no outgoing ordering; order the previous card into `ifCard` and `join` onwards.
 */
export class IfElse {
  readonly ifCard: CardHandle;
  readonly trueHead: CardHandle;
  readonly falseHead: CardHandle;
  readonly join: CardHandle;
  private readonly last: Record<'true' | 'false', CardHandle>;

  constructor(
    private readonly flow: FlowBuilder,
    path: string,
    condition: Condition,
    name?: string,
  ) {
    this.ifCard = conditionCard(flow, 'if', path, condition, name);
    this.ifCard.addOutput(IF_ELSE_FIELDS.result);
    this.trueHead = flow.add('noop', `${path}/true`);
    this.falseHead = flow.add('noop', `${path}/false`);
    this.join = flow.add('join', `${path}/join`);
    this.ifCard.card.branches = { [this.trueHead.uuid]: true, [this.falseHead.uuid]: false };
    flow.order(this.trueHead, this.join);
    flow.order(this.falseHead, this.join);
    this.last = { true: this.trueHead, false: this.falseHead };
  }

  /** Appends cards to a branch, in order. */
  add(branch: boolean, ...cards: CardHandle[]): void {
    const side = branch ? 'true' : 'false';
    for (const card of cards) {
      this.flow.order(this.last[side], card);
      this.flow.order(card, this.join);
      this.last[side] = card;
    }
  }

  /** A Join field fed by whichever branch ran: `joins[input] = [{output}]`, pins from both branches. */
  value(key: string, type: IoType, fromTrue: OutputRef, fromFalse: OutputRef): OutputRef {
    const { input, output } = this.join.addMirrored({ key, type });
    this.join.card.joins[input.id] = [{ output: output.id, transform: null }];
    this.flow.pin(fromTrue, input);
    this.flow.pin(fromFalse, input);
    return output;
  }
}
