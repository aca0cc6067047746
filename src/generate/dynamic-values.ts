import {
  FlowBuilder,
  addStartField,
  construct,
  helperFlowStart,
  mapList,
  returnWith,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import {
  DYNAMIC_DROPDOWN,
  HELPER_OUTPUTS,
  dynamicValueFlowName,
  dynamicValuesFlowName,
} from '../connector/contract.js';
import type { Action, Option } from '../spec/types.js';
import { callHelper } from './call-helper.js';
import { addErrorChecks } from './error-checks.js';
import type { GenerationContext } from './generation-context.js';
import { buildRequest } from './request.js';
import { TemplateScope } from './template-scope.js';

/**
 * A dynamic dropdown's list flow (contract DYNAMIC_DROPDOWN): httpHelper runs the option's request, the usual error
 * checks apply, and Map turns each item into `{value: <label>, key: <value>}` through the processing flow.
 */
export function buildValuesFlow(
  context: GenerationContext,
  action: Action,
  option: Option,
  floId: string,
  itemFloId: string,
): Flo {
  const dynamic = option.dynamic!;
  const name = dynamicValuesFlowName(action.name, option.label);
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const scope = new TemplateScope(flow, {
    resolve: (_source, key) => flow.path(auth, [key]),
    optional: () => false,
  });
  const call = callHelper(context, scope, auth, buildRequest(scope, dynamic.request));
  const body = call.output(HELPER_OUTPUTS.body);
  addErrorChecks(
    flow,
    { ...action, errors: { messagePath: action.errors?.messagePath ?? [] } },
    call.output(HELPER_OUTPUTS.statusCode),
    body,
    call.output(HELPER_OUTPUTS.errorMessage),
  );
  const items = flow.path(body, dynamic.items.split('.'), 'object', true);
  const { label, value } = DYNAMIC_DROPDOWN.processingInputs;
  const options = mapList(
    flow,
    'values',
    items,
    itemFloId,
    { [label]: dynamic.label, [value]: dynamic.value },
    'Map to dropdown values',
  );
  flow.chainAll(
    returnWith(flow, [[{ key: DYNAMIC_DROPDOWN.listReturn, type: 'object', collection: true }, options]]),
  );
  return flow.build({
    id: floId,
    name,
    description: `Lists the values of ${option.label} for ${action.name} (a dynamic dropdown).`,
    group: context.groupId,
  });
}

/** The processing flow Map runs per item: `{value: label, key: value}`, the shape Connector Builder reads. */
export function buildValueFlow(
  context: GenerationContext,
  action: Action,
  option: Option,
  floId: string,
): Flo {
  const name = dynamicValueFlowName(action.name, option.label);
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(name));
  const start = helperFlowStart(flow);
  const { label, value } = DYNAMIC_DROPDOWN.processingInputs;
  const shown = addStartField(start, { key: label, type: 'string' }).output;
  const stored = addStartField(start, { key: value, type: 'string' }).output;
  const item = construct(
    flow,
    'item',
    [
      { key: DYNAMIC_DROPDOWN.itemLabel, value: shown },
      { key: DYNAMIC_DROPDOWN.itemValue, value: stored },
    ],
    'Construct dropdown value',
  );
  flow.chainAll(returnWith(flow, [[{ key: DYNAMIC_DROPDOWN.itemReturn, type: 'object' }, item]]));
  return flow.build({
    id: floId,
    name,
    description: `Shapes one item as a value of the ${option.label} dropdown.`,
    group: context.groupId,
  });
}
