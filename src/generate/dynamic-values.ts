import {
  FlowBuilder,
  addStartField,
  assignIf,
  construct,
  helperFlowStart,
  mapList,
  returnWith,
} from '../flopack/builder/index.js';
import type { Flo, IoType } from '../flopack/types.js';
import type { Value } from '../flopack/builder/index.js';
import { DYNAMIC_DROPDOWN, DYNAMIC_FIELDS, HELPER_OUTPUTS } from '../connector/contract.js';
import { DYNAMIC_GROUP_PROPERTIES } from '../connector/dynamic-groups.js';
import type { Action, DynamicFieldSource, DynamicInputs, RequestTemplate } from '../spec/types.js';
import { bodyItems } from './body-items.js';
import { callHelper } from './call-helper.js';
import { addErrorChecks } from './error-checks.js';
import type { GenerationContext } from './generation-context.js';
import { buildRequest } from './request.js';
import { TemplateScope } from './template-scope.js';

/**
 * What Connector Builder asks a helper flow for at design time (a dynamic dropdown's values, a dynamic input group's
 * fields): a list of objects built from the items a GET returns, one processing flow run per item by Map.
 */
export interface DesignTimeList {
  /** The list flow's name; the processing flow's is `itemName`. */
  name: string;
  itemName: string;
  description: string;
  itemDescription: string;
  request: RequestTemplate;
  /** Dot path of the items in the body. */
  items?: string;
  /** Each object's keys, in order, with the dot path in the item of its value (and its type, default text). */
  shape: ReadonlyArray<{ key: string; from: string; type?: IoType }>;
  /**
   * A key whose value the processing flow maps from the item's value at `from`: the first of `map` it equals, else
   * `fallback` (one Assign If per entry), after the shape's keys.
   */
  mapped?: { key: string; from: string; map: ReadonlyArray<[string, string]>; fallback: string };
  /** Keys every object has with the same value (a dynamic field's `type`), after the shape's. */
  constants?: ReadonlyArray<{ key: string; value: string }>;
  /** The list flow's Return key; the processing flow returns `item`. */
  returns: string;
  /**
   * Okta's dynamic group properties: the list flow returns `{name, extensible, fields}` under `returns`
   * (DYNAMIC_GROUP_PROPERTIES) instead of the list.
   */
  group?: { name: string; extensible: boolean };
}

/** A dynamic dropdown's lists (contract DYNAMIC_DROPDOWN): `[{value: <label>, key: <value>}]`. */
export function dropdownList(
  action: Action,
  option: {
    label: string;
    dynamic: { request: RequestTemplate; items?: string; label: string; value: string };
  },
  names: { list: string; item: string },
): DesignTimeList {
  const d = option.dynamic;
  return {
    name: names.list,
    itemName: names.item,
    description: `Lists the values of ${option.label} for ${action.name} (a dynamic dropdown).`,
    itemDescription: `Shapes one item as a value of the ${option.label} dropdown.`,
    request: d.request,
    items: d.items,
    shape: [
      { key: DYNAMIC_DROPDOWN.itemLabel, from: d.label },
      { key: DYNAMIC_DROPDOWN.itemValue, from: d.value },
    ],
    returns: DYNAMIC_DROPDOWN.listReturn,
  };
}

/**
 * A dynamic input or output group's fields (contract DYNAMIC_FIELDS): `[{name, displayname, type}]`, or with dynamic
 * group properties (inputs only) `{name, extensible, fields: [...]}` (DYNAMIC_GROUP_PROPERTIES).
 */
export function fieldsList(
  action: Action,
  group: DynamicFieldSource & Pick<DynamicInputs, 'groupProperties' | 'required'>,
  names: { list: string; item: string },
  role: 'input' | 'output' = 'input',
): DesignTimeList {
  const props = group.groupProperties;
  return {
    name: names.list,
    itemName: names.item,
    description: `Lists the fields of ${group.label} for ${action.name} (a dynamic ${role} group).`,
    itemDescription: `Shapes one item as a field of ${group.label}.`,
    request: group.request,
    items: group.items,
    shape: [
      { key: DYNAMIC_FIELDS.name, from: group.name },
      { key: DYNAMIC_FIELDS.displayName, from: group.displayName ?? group.name },
      ...(group.required
        ? [{ key: DYNAMIC_FIELDS.required, from: group.required, type: 'boolean' as const }]
        : []),
    ],
    ...(group.typeFrom
      ? {
          mapped: {
            key: DYNAMIC_FIELDS.type,
            from: group.typeFrom.path,
            map: Object.entries(group.typeFrom.map).map(
              ([service, type]) => [service, DYNAMIC_FIELDS.types[type]] as [string, string],
            ),
            fallback: DYNAMIC_FIELDS.types[group.type ?? 'text'],
          },
        }
      : { constants: [{ key: DYNAMIC_FIELDS.type, value: DYNAMIC_FIELDS.types[group.type ?? 'text'] }] }),
    returns: props ? DYNAMIC_GROUP_PROPERTIES.listReturn : DYNAMIC_FIELDS.listReturn,
    ...(props ? { group: { name: props.name ?? group.label, extensible: props.extensible ?? false } } : {}),
  };
}

/**
 * The list flow: httpHelper runs the request (which may use only the connection), the usual error checks apply,
 * and Map turns each item into one object of the shape through the processing flow.
 */
export function buildListFlow(
  context: GenerationContext,
  action: Action,
  list: DesignTimeList,
  floId: string,
  itemFloId: string,
): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(list.name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const scope = new TemplateScope(flow, {
    resolve: (_source, key) => flow.path(auth, [key]),
    optional: () => false,
  });
  const call = callHelper(context, scope, auth, buildRequest(scope, list.request));
  const body = call.output(HELPER_OUTPUTS.body);
  addErrorChecks(
    flow,
    { ...action, errors: { messagePath: action.errors?.messagePath ?? [] } },
    call.output(HELPER_OUTPUTS.statusCode),
    body,
    call.output(HELPER_OUTPUTS.errorMessage),
  );
  const items = bodyItems(flow, body, list.items);
  const fromItem = Object.fromEntries([
    ...list.shape.map((s) => [s.key, s.from]),
    ...(list.mapped ? [[list.mapped.key, list.mapped.from]] : []),
  ]);
  const shaped = mapList(flow, 'values', items, itemFloId, fromItem, 'Map each item');
  const result = list.group
    ? construct(
        flow,
        'group',
        [
          { key: DYNAMIC_GROUP_PROPERTIES.name, value: list.group.name },
          { key: DYNAMIC_GROUP_PROPERTIES.extensible, value: list.group.extensible, type: 'boolean' },
          { key: DYNAMIC_GROUP_PROPERTIES.fields, value: shaped, type: 'object', collection: true },
        ],
        'Construct group properties',
      )
    : shaped;
  flow.chainAll(returnWith(flow, [[{ key: list.returns, type: 'object', collection: !list.group }, result]]));
  return flow.build({ id: floId, name: list.name, description: list.description, group: context.groupId });
}

/** The processing flow Map runs per item: its inputs are the shape's keys, its result the object of them. */
export function buildItemFlow(context: GenerationContext, list: DesignTimeList, floId: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(list.itemName));
  const start = helperFlowStart(flow);
  const fields: Array<{ key: string; value: Value; type?: IoType }> = list.shape.map((s) => ({
    key: s.key,
    type: s.type ?? 'string',
    value: addStartField(start, { key: s.key, type: s.type ?? 'string' }).output,
  }));
  const m = list.mapped;
  if (m) {
    // The service's value, then one Assign If per entry of the map, from the last back to the first.
    const given = addStartField(start, { key: m.key, type: 'string' }).output;
    let value: Value = m.fallback;
    for (const [i, [service, okta]] of [...m.map.entries()].reverse())
      value = assignIf(
        flow,
        `map/${m.key}/${i}`,
        { left: given, operator: '==', right: service },
        okta,
        value,
        'string',
        `${m.key} ${service}`,
      );
    fields.push({ key: m.key, value });
  }
  const constants = (list.constants ?? []).map((c) => ({ key: c.key, value: c.value }));
  const item = construct(flow, 'item', [...fields, ...constants], 'Construct item');
  flow.chainAll(returnWith(flow, [[{ key: DYNAMIC_DROPDOWN.itemReturn, type: 'object' }, item]]));
  return flow.build({
    id: floId,
    name: list.itemName,
    description: list.itemDescription,
    group: context.groupId,
  });
}
