import {
  FlowBuilder,
  addReturnField,
  addStartField,
  assignIf,
  helperFlowStart,
  returnCard,
  pluck,
  throwIf,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo, IoType } from '../flopack/types.js';
import {
  DEFAULT_BODY_ERROR_STATUS,
  DEFAULT_ERROR_STATUS_MIN,
  EACH_ITEM,
  HELPER_OUTPUTS,
  requiredInputMessage,
} from '../connector/contract.js';
import { optionalIn } from '../spec/empty-values.js';
import type { Action } from '../spec/types.js';
import { callHelper } from './call-helper.js';
import { actionErrorMessage } from './error-message.js';
import type { GenerationContext } from './generation-context.js';
import { ioType } from './fields.js';
import { buildRequest } from './request.js';
import { TemplateScope } from './template-scope.js';
import { addInput, addOption } from './start-fields.js';

/**
 * One action flow: start card (connection, options, inputs) → Return Error If per required input (400,
 * Okta's standard message) → request cards → Call Flow httpHelper → Return Error If per error status (the
 * service's message from the body) → Return with the action's outputs.
 */
export function buildActionFlow(context: GenerationContext, action: Action, floId: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(action.name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const options = new Map<string, OutputRef>();
  const inputs = new Map<string, OutputRef>();
  for (const o of action.options ?? []) options.set(o.key, addOption(start, o));
  for (const i of action.inputs ?? []) inputs.set(i.key, addInput(start, i));

  const scope = new TemplateScope(flow, {
    resolve(source, key) {
      const ref =
        source === 'inputs'
          ? inputs.get(key)
          : source === 'options'
            ? options.get(key)
            : flow.path(auth, [key]);
      if (!ref)
        throw new Error(`action "${action.name}" references \${${source}.${key}}, which it does not declare`);
      return ref;
    },
    optional: optionalIn(context.spec, action),
  });

  for (const input of action.inputs ?? []) {
    if (!input.required) continue;
    throwIf(
      flow,
      `require/${input.key}`,
      { left: inputs.get(input.key)!, operator: 'is empty', type: ioType(input.type) },
      { statusCode: 400, message: requiredInputMessage(input.label) },
      `Require ${input.label}`,
    );
  }

  const call = callHelper(context, scope, auth, buildRequest(scope, action.request));
  const status = call.output(HELPER_OUTPUTS.statusCode);
  const body = call.output(HELPER_OUTPUTS.body);
  const headers = call.output(HELPER_OUTPUTS.headers);

  const message = actionErrorMessage(flow, action, body, call.output(HELPER_OUTPUTS.errorMessage));
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

  const ret = returnCard(flow);
  for (const out of action.outputs ?? []) {
    const type = ioType(out.type);
    const collection = out.list ?? false;
    const value =
      out.from === 'status'
        ? status
        : out.from === 'headers'
          ? flow.path(headers, [(out.path ?? '').toLowerCase()], type, collection)
          : bodyValue(flow, body, out.key, out.path ?? '', type, collection);
    addReturnField(
      flow,
      ret,
      { key: out.key, type, collection, metadata: { displayname: out.label } },
      value,
    );
  }
  flow.chainAll(ret);
  return flow.build({
    id: floId,
    name: action.name,
    description: action.description,
    group: context.groupId,
  });
}

/**
 * A value from the parsed body by dot path; `*` picks the rest of the path from each item of the list there
 * (`labels.*.name`: Path to `labels`, then List Pluck `name`), since a plain path over a list gives nothing.
 */
/** The card type of a body condition's operands. */
export function conditionType(value: string | number | boolean): IoType {
  return typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
}

function bodyValue(
  flow: FlowBuilder,
  body: OutputRef,
  key: string,
  dotted: string,
  type: IoType,
  collection: boolean,
): Value {
  const path = dotted.split('.').filter(Boolean);
  const star = path.indexOf(EACH_ITEM);
  if (star < 0) return path.length ? flow.path(body, path, type, collection) : body;
  const list = star === 0 ? body : flow.path(body, path.slice(0, star), 'object', true);
  return pluck(flow, `output/${key}/each`, list, path.slice(star + 1).join('.'), type, `Pluck ${key}`);
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
