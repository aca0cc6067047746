import {
  FlowBuilder,
  addReturnField,
  addStartField,
  helperFlowStart,
  returnCard,
  pluck,
  throwIf,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo, IoType } from '../flopack/types.js';
import { EACH_ITEM, HELPER_OUTPUTS, MAX_ITEMS_INPUT, requiredInputMessage } from '../connector/contract.js';
import { optionalIn } from '../spec/empty-values.js';
import type { Action } from '../spec/types.js';
import { callHelper } from './call-helper.js';
import { addErrorChecks } from './error-checks.js';
import { paginateAction } from './pagination.js';
import type { GenerationContext } from './generation-context.js';
import { ioType } from './fields.js';
import { buildRequest } from './request.js';
import { TemplateScope } from './template-scope.js';
import { addDynamicGroup, addInput, addOption } from './start-fields.js';
import { addDynamicOutputGroup } from './dynamic-outputs.js';
import { addExtensibleGroup, addSelectedOutputs } from './card-groups.js';

/**
 * One action flow: start card (connection, options, inputs) → Return Error If per required input (400,
 * Okta's standard message) → request cards → Call Flow httpHelper → Return Error If per error status (the
 * service's message from the body) → Return with the action's outputs. A paginated action runs its request
 * through Paginate and its page helper flow instead (pagination.ts).
 */
export function buildActionFlow(
  context: GenerationContext,
  action: Action,
  floId: string,
  pageFloId?: string,
  valuesFloIds: ReadonlyMap<string, string> = new Map(),
  fieldsFloId?: string,
  outputFieldsFloId?: string,
): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(action.name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const options = new Map<string, OutputRef>();
  const inputs = new Map<string, OutputRef>();
  for (const o of action.options ?? []) options.set(o.key, addOption(start, o, valuesFloIds.get(o.key)));
  for (const i of action.inputs ?? []) inputs.set(i.key, addInput(start, i));
  if (action.dynamicInputs && fieldsFloId) {
    const group = action.dynamicInputs;
    inputs.set(group.key, addDynamicGroup(start, group, fieldsFloId));
  }
  if (action.extensibleInputs)
    inputs.set(action.extensibleInputs.key, addExtensibleGroup(start, action.extensibleInputs));
  if (action.selectedOutputs)
    inputs.set(action.selectedOutputs.key, addSelectedOutputs(flow, start, action, action.selectedOutputs));
  if (action.pagination) {
    const { key, label, default: fallback } = MAX_ITEMS_INPUT;
    inputs.set(
      key,
      addInput(start, {
        key,
        label,
        type: 'number',
        default: action.pagination.maxItems ?? fallback,
        description: 'Stop after the page that brings the number of items to at least this many.',
      }),
    );
  }

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

  let status: Value;
  let body: OutputRef;
  let headers: OutputRef | undefined;
  const request = buildRequest(scope, action.request);
  if (action.pagination && pageFloId) {
    // Every page's request and error checks run in the page helper flow; the action reads {items, count}.
    body = paginateAction(flow, action.pagination, request, inputs.get(MAX_ITEMS_INPUT.key)!, pageFloId);
    status = 200;
  } else {
    const call = callHelper(context, scope, auth, request);
    status = call.output(HELPER_OUTPUTS.statusCode);
    body = call.output(HELPER_OUTPUTS.body);
    headers = call.output(HELPER_OUTPUTS.headers);
    addErrorChecks(flow, action, status, body, call.output(HELPER_OUTPUTS.errorMessage));
  }

  const ret = returnCard(flow);
  for (const out of action.outputs ?? []) {
    const type = ioType(out.type);
    const collection = out.list ?? false;
    const value =
      out.from === 'status'
        ? status
        : out.from === 'headers' && headers
          ? flow.path(headers, [(out.path ?? '').toLowerCase()], type, collection)
          : bodyValue(flow, body, out.key, out.path ?? '', type, collection);
    addReturnField(
      flow,
      ret,
      { key: out.key, type, collection, metadata: { displayname: out.label } },
      value,
    );
  }
  if (action.dynamicOutputs && outputFieldsFloId)
    addDynamicOutputGroup(flow, ret, action.dynamicOutputs, outputFieldsFloId, (path) =>
      bodyValue(flow, body, action.dynamicOutputs!.key, path, 'object', false),
    );
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
