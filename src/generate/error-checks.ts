import { assignIf, throwIf, type FlowBuilder, type OutputRef, type Value } from '../flopack/builder/index.js';
import type { IoType } from '../flopack/types.js';
import { DEFAULT_BODY_ERROR_STATUS, DEFAULT_ERROR_STATUS_MIN } from '../connector/contract.js';
import type { Action } from '../spec/types.js';

import { actionErrorMessage } from './error-message.js';

/**
 * An action's error checks after its request: Return Error If per error status range (the service's message from
 * the body), then, with `errors.when`, Return Error If on a flag in a 2xx body. Used by action flows and by page
 * helper flows, which check every page the same way.
 */
export function addErrorChecks(
  flow: FlowBuilder,
  action: Action,
  status: OutputRef,
  body: OutputRef,
  helperMessage: Value,
): void {
  const message = actionErrorMessage(flow, action, body, helperMessage);
  for (const [i, range] of errorRanges(action).entries()) {
    const error = { statusCode: status, message };
    const name = `Error if status ${range.max === undefined ? `>= ${range.min}` : `${range.min}-${range.max}`}`;
    if (range.max === undefined || range.max >= 599) {
      throwIf(
        flow,
        `error/${i}`,
        { left: status, operator: '>=', right: range.min, type: 'number' },
        error,
        name,
      );
    } else if (range.min === range.max) {
      throwIf(
        flow,
        `error/${i}`,
        { left: status, operator: '==', right: range.min, type: 'number' },
        error,
        name,
      );
    } else {
      // One Return Error If has one condition: first cap the status (above the range → -1), then compare.
      const capped = assignIf(
        flow,
        `error/${i}/cap`,
        { left: status, operator: '<=', right: range.max, type: 'number' },
        status,
        -1,
        'number',
        `Status if <= ${range.max}`,
      );
      throwIf(
        flow,
        `error/${i}`,
        { left: capped, operator: '>=', right: range.min, type: 'number' },
        error,
        name,
      );
    }
  }

  const when = action.errors?.when;
  if (when) {
    // A service that answers failures with 2xx and a flag in the body (Slack: 200 and "ok": false).
    const type = conditionType(when.equals);
    throwIf(
      flow,
      'error/when',
      { left: flow.path(body, when.path.split('.'), type), operator: '==', right: when.equals, type },
      { statusCode: when.statusCode ?? DEFAULT_BODY_ERROR_STATUS, message },
      `Error if ${when.path} is ${String(when.equals)}`,
    );
  }
}

/** The card type of a body condition's operands. */
export function conditionType(value: string | number | boolean): IoType {
  return typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
}

/** Error statuses of an action as inclusive ranges (default: everything from 400). */
export function errorRanges(action: Action): Array<{ min: number; max?: number }> {
  const statuses = action.errors?.statuses;
  if (!statuses || statuses.length === 0) return [{ min: DEFAULT_ERROR_STATUS_MIN }];
  const ranges: Array<{ min: number; max?: number }> = [];
  for (const s of statuses) {
    if (typeof s === 'number') ranges.push({ min: s, max: s });
    else {
      const m = /^\s*(\d{3})\s*(?:-\s*(\d{3}))?\s*$/.exec(s);
      if (!m) continue;
      const min = Number(m[1]);
      ranges.push({ min, max: m[2] === undefined ? min : Number(m[2]) });
    }
  }
  return ranges.length ? ranges : [{ min: DEFAULT_ERROR_STATUS_MIN }];
}
