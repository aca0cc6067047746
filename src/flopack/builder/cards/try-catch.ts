import type { CardHandle, OutputRef, Value } from '../card.js';
import { FlowBuilder } from '../flow.js';
import type { IoType } from '../../types.js';
import { IF_ERROR_FIELDS } from '../../cards/control/if-error.js';
import { helperFlowStart } from './callable.js';
import { addReturnField, returnCard } from './return.js';

/**
 * If Error (`control:tryCatch`, remove_user_from_all_non_built_in_okta_groups / telephony flow). The try
 * branch is an inline flo in input `flo`; the error branch is an inline flo in `model.policy.error.flo`
 * (`{type: "handler", merge: "join"}`). Each starts with a Helper Flow card and ends with a Return card whose
 * fields become the If Error card's outputs. Outer values enter a branch through wormholes: a hidden `context`
 * input on the If Error card and the same key on the branch's Helper Flow card, each pointing at the other
 * with `metadata.wormholeMethodId` (§1.6). Add cards with `tryFlow.add` / `errorFlow.add` and order them between
 * `tryStart`…`tryReturn` / `errorStart`…`errorReturn`.
 */
export class TryCatch {
  readonly card: CardHandle;
  readonly tryFlow: FlowBuilder;
  readonly errorFlow: FlowBuilder;
  readonly tryStart: CardHandle;
  readonly errorStart: CardHandle;
  readonly tryReturn: CardHandle;
  readonly errorReturn: CardHandle;

  constructor(
    private readonly flow: FlowBuilder,
    path: string,
    name?: string,
  ) {
    this.card = flow.add('tryCatch', path, name);
    this.tryFlow = new FlowBuilder(flow.ids, `${this.card.path}/try`);
    this.errorFlow = new FlowBuilder(flow.ids, `${this.card.path}/error`);
    this.tryStart = helperFlowStart(this.tryFlow, 'none');
    this.errorStart = helperFlowStart(this.errorFlow, 'error');
    this.tryReturn = returnCard(this.tryFlow);
    this.errorReturn = returnCard(this.errorFlow);
    const floInput = this.card.addInput(IF_ERROR_FIELDS.flo);
    const tryId = flow.ids.uuid(`${this.card.path}/try/flo`);
    const errorId = flow.ids.uuid(`${this.card.path}/error/flo`);
    this.card.model.policy = { error: { type: 'handler', merge: 'join' } };
    flow.onBuild(() => {
      floInput.field.value.data = this.tryFlow.buildInline(tryId);
      this.card.model.policy = {
        error: { type: 'handler', flo: this.errorFlow.buildInline(errorId), merge: 'join' },
      };
    });
  }

  /** The error branch's `error` object ({message, method, flo, execution}). */
  get error(): OutputRef {
    return this.errorStart.output('error', 'context');
  }

  /** Carries an outer output into a branch; returns the branch-side output to pin from. */
  wormhole(outer: OutputRef, branch: 'try' | 'error', type: IoType = 'string'): OutputRef {
    const start = branch === 'try' ? this.tryStart : this.errorStart;
    const key = this.flow.ids.shortAt(this.card.idBase, `wormhole/${branch}/${outer.card.path}/${outer.id}`);
    const hidden = { index: undefined, forceHide: true };
    const gate = this.card.addInput({
      key,
      group: 'context',
      type,
      data: null,
      metadata: { ...hidden, wormholeMethodId: start.uuid },
    });
    this.flow.pin(outer, gate);
    const inner = start.addMirrored({
      key,
      group: 'context',
      type,
      data: null,
      metadata: { ...hidden, wormholeMethodId: this.card.uuid },
    });
    return inner.output;
  }

  /** A result of the If Error card: the try branch returns `fromTry`, the error branch `fromError`. */
  output(key: string, type: IoType, fromTry: Value, fromError: Value): OutputRef {
    addReturnField(this.tryFlow, this.tryReturn, { key, type }, fromTry);
    addReturnField(this.errorFlow, this.errorReturn, { key, type }, fromError);
    return this.card.addOutput({ key, type, metadata: { custom: true } });
  }
}
