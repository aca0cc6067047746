import { SELECTED_OUTPUTS } from '../connector/dynamic-groups.js';
import type { CardInfo } from '../flopack/read/index.js';
import type { Flo, Flopack, IoField } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import {
  CONNECTION_INPUT_KEY,
  CONNECTOR_BUILDER_CARDS,
  OPTION_GROUP,
  POLLING,
  dynamicFieldsFlowName,
  dynamicValuesFlowName,
} from '../connector/contract.js';
import { fieldTypeName } from './field-types.js';
import { toSvg } from './diagram-svg.js';
import { describeInputs, flowNamesOf, type FieldSource, type FlowNames } from './field-sources.js';
import { buildFlowGraph, type FlowGraph, type GraphNode } from './flow-graph.js';
import { toMermaid } from './mermaid.js';
import { authSectionExtras, authenticationModel, type AuthenticationModel } from './auth-model.js';
import type { FlowKind, GeneratedFlow } from './types.js';
import type { ErrorPolicy } from '../flopack/types.js';
import { retryStatuses } from '../generate/retry-policy.js';
import { isBuiltInWebhookInput, webhookSheet, type WebhookSheet } from './webhook-sheet.js';

/** What the build sheet templates (BUILD.md, build.html) render: everything derived from the flopack and the spec. */
export interface SheetModel {
  connector: ConnectorInfo;
  authentication: AuthenticationModel;
  flows: FlowSheet[];
}

export interface ConnectorInfo {
  name: string;
  displayName: string;
  description: string;
  version: string;
  supportEmail: string;
  documentationUrl: string | null;
  brandColor: string | null;
  icon: string | null;
  baseUrl: string;
}

export interface FlowSheet {
  anchor: string;
  name: string;
  description: string;
  kind: FlowKind;
  isHelper: boolean;
  /** A paginated action's page helper flow (its Paginate card runs it once per page). */
  isPage: boolean;
  /** A config value's helper flow: the Authentication dialog's Config Values choose it. */
  isConfigValue: boolean;
  /** A polling monitor event flow. */
  isPolling: boolean;
  /** A webhook event's flow or one of its registration flows. */
  webhook: WebhookSheet | null;
  /** For a page helper flow: the action whose Paginate card runs it. */
  pagedAction: string | null;
  isAuthping: boolean;
  isAction: boolean;
  isRevoke: boolean;
  /** The start and end cards as Connector Builder shows them (contract.ts CONNECTOR_BUILDER_CARDS). */
  startCard: string;
  endCard: string;
  /** The start card's Auth section: the Connection, then each connection parameter (empty for revoke). */
  authFields: string[];
  options: FieldDef[];
  inputs: FieldDef[];
  outputs: FieldDef[];
  entries: SheetEntry[];
  cardCount: number;
  mermaid: string;
  /** Built by diagram-svg.ts with every text escaped; the HTML template wraps it as trusted markup. */
  svg: string;
}

export interface FieldDef {
  label: string;
  key: string;
  type: string;
  required: boolean;
  description: string;
  /** Dropdown values: the label a person sees and the value sent. */
  choices: Array<{ label: string; value: string }>;
  /** The default typed into the field (text; JSON for other values), or null. */
  default: string | null;
}

/** A row of the card walk: a lane heading ("Inside True of card 4") or a card. */
export interface SheetEntry {
  lane: { label: string; ownerNumber: string; ownerName: string } | null;
  card: CardSheet | null;
  depth: number;
}

export interface CardSheet {
  number: string;
  name: string;
  type: string;
  address: string;
  isEvent: boolean;
  fields: FieldRow[];
  outputs: Array<{ label: string; type: string }>;
  /** Compose text with each `{{{key}}}` shown as the field dragged there. */
  text: string | null;
  /** The card's Error handling dialog (gear icon), when the card retries: what to choose in it. */
  errorHandling: { on: string; times: number; minMinutes: number; maxMinutes: number } | null;
}

export interface FieldRow {
  label: string;
  type: string;
  drag: Array<{ output: string; card: string; number: string | null }> | null;
  value: string | null;
  flow: string | null;
  empty: boolean;
}

export function connectorInfo(spec: ConnectorSpec): ConnectorInfo {
  return {
    name: spec.name,
    displayName: spec.displayName,
    description: spec.description,
    version: spec.version,
    supportEmail: spec.supportEmail,
    documentationUrl: spec.documentationUrl ?? null,
    brandColor: spec.brandColor ?? null,
    icon: spec.icon ?? null,
    baseUrl: spec.baseUrl,
  };
}

export function buildSheetModel(
  spec: ConnectorSpec,
  flopack: Flopack,
  flows: readonly GeneratedFlow[],
): SheetModel {
  const names = flowNamesOf(flopack);
  return sheetModel(
    spec,
    flows.map((flow, i) => {
      const flo = flopack.data.flos[flow.floId];
      if (!flo) throw new Error(`generated flow "${flow.name}" (${flow.floId}) is missing from the flopack`);
      return flowSheet(flow, i, flo, spec, names);
    }),
  );
}

/** The anchor of the `index`th flow's section (0-based), in both build sheets. */
export function sectionAnchor(index: number): string {
  return `flow-${index + 1}`;
}

/** The sheet around its flows' sections (flowSheet, one flow at a time). */
export function sheetModel(spec: ConnectorSpec, flows: FlowSheet[]): SheetModel {
  return { connector: connectorInfo(spec), authentication: authenticationModel(spec), flows };
}

/** The section of the `index`th flow (0-based): needs only that flow and every flow's name. */
export function flowSheet(
  flow: GeneratedFlow,
  index: number,
  flo: Flo,
  spec: ConnectorSpec,
  flowNames: FlowNames,
): FlowSheet {
  const startCard = CONNECTOR_BUILDER_CARDS.start[flow.kind];
  const endCard = CONNECTOR_BUILDER_CARDS.end[flow.kind];
  const graph = buildFlowGraph(flo, { start: startCard, end: endCard });
  const start = graph.start;
  const startFields = start ? visibleInputs(start) : [];
  const described =
    (role: FieldRole) =>
    (f: IoField): FieldDef =>
      fieldDef(f, role, flow);
  const returnCard = graph.steps.find((n) => n.card.tail === 'control:return')?.card;
  return {
    anchor: sectionAnchor(index),
    name: flo.name,
    description: flo.description,
    kind: flow.kind,
    isHelper:
      flow.kind === 'helper' || flow.kind === 'page' || flow.kind === 'values' || flow.kind === 'config',
    isConfigValue: flow.kind === 'config',
    isPage: flow.kind === 'page',
    isPolling: flow.kind === 'event',
    webhook: webhookSheet(flow),
    pagedAction: flow.kind === 'page' ? (flow.action?.name ?? null) : null,
    isAuthping: flow.kind === 'authping',
    isAction: flow.kind === 'action' || flow.kind === 'capia',
    isRevoke: flow.kind === 'revoke',
    startCard,
    endCard,
    // Flows that never use the connection (a dropdown's processing flow) have nothing to point at there.
    authFields:
      flow.kind === 'revoke' || !startFields.some((f) => f.key === CONNECTION_INPUT_KEY)
        ? []
        : authSectionFields(spec),
    options: listOf(
      startFields.filter((f) => f.group === OPTION_GROUP),
      described('option'),
    ),
    inputs: listOf(
      startFields
        .filter((f) => f.group !== OPTION_GROUP && f.key !== CONNECTION_INPUT_KEY && f.group !== 'context')
        // A polling monitor's Cursor is an output of its event card, which Connector Builder adds itself.
        .filter((f) => !(flow.kind === 'event' && f.key === POLLING.cursorInput))
        // The SELECTED OUTPUTS section is filled by Connector Builder from the output groups (dynamic-groups.ts).
        .filter((f) => f.group !== SELECTED_OUTPUTS.group)
        .filter((f) => !isBuiltInWebhookInput(flow, f.key)),
      described('input'),
    ),
    outputs: returnCard ? listOf(visibleInputs(returnCard), described('output')) : [],
    entries: sheetEntries(graph, flowNames),
    cardCount: graph.nodes.length,
    mermaid: toMermaid(graph),
    svg: toSvg(graph, sectionAnchor(index)),
  };
}

/**
 * The start card's Auth section, the same on every flow of a spec: worked out once per spec object (a validated spec
 * is not changed afterwards).
 */
const authSections = new WeakMap<ConnectorSpec, string[]>();

function authSectionFields(spec: ConnectorSpec): string[] {
  let fields = authSections.get(spec);
  if (!fields) {
    fields = [
      CONNECTOR_BUILDER_CARDS.connectionField,
      ...(spec.connectionParameters ?? []).map((p) => p.label),
      ...authSectionExtras(spec),
    ];
    authSections.set(spec, fields);
  }
  // A copy: each flow's sheet owns its arrays.
  return [...fields];
}

/** Inputs a person sees and fills: no context/wormhole fields, no inline sub-flows (those are lanes). */
function visibleInputs(card: CardInfo): IoField[] {
  // One loop, no intermediate arrays: this runs for every card of every flow.
  const mirrored = card.model?.mirrored;
  const visible: IoField[] = [];
  for (const { field: f } of card.inputs.values()) {
    if (
      f.metadata.forceHide !== true &&
      f.metadata.hidden !== true &&
      !(f.group === 'context' && mirrored) &&
      !(f.value.type === 'flo' && typeof f.value.data === 'object' && f.value.data !== null)
    )
      visible.push(f);
  }
  return visible;
}

type FieldRole = 'option' | 'input' | 'output';

function fieldDef(field: IoField, role: FieldRole, flow: GeneratedFlow): FieldDef {
  const action = flow.action;
  const list = role === 'option' ? action?.options : role === 'input' ? action?.inputs : action?.outputs;
  const fromSpec = list?.find((o) => o.key === field.key);
  const choices = Array.isArray(field.metadata.choices)
    ? listOf(field.metadata.choices as unknown[], (c) => {
        const { label, value } = (typeof c === 'object' && c !== null ? c : { value: c }) as {
          label?: unknown;
          value?: unknown;
        };
        return { label: String(label ?? value), value: String(value) };
      })
    : [];
  const given = fromSpec && 'default' in fromSpec ? fromSpec.default : undefined;
  return {
    label: field.metadata.displayname ?? fromSpec?.label ?? field.key,
    key: field.key,
    // Connector Builder's type for an option with values (CAPIA page, Request Type) [V]; a dynamic dropdown names
    // the flow that lists its values (contract DYNAMIC_DROPDOWN).
    type:
      role === 'option' && action && fromSpec && 'dynamic' in fromSpec && fromSpec.dynamic
        ? `Dropdown: Dynamic, choose the flow "${dynamicValuesFlowName(action.name, fromSpec.label)}"`
        : role === 'input' && action?.dynamicInputs?.key === field.key
          ? `Dynamic Input Group, choose the flow "${dynamicFieldsFlowName(action.name, action.dynamicInputs.label)}"` +
            (action.dynamicInputs.groupProperties ? ' (it returns the group properties too)' : '')
          : role === 'input' && action?.extensibleInputs?.key === field.key
            ? 'Input group with extensibility on (card users add their own fields; they arrive as one Object)'
            : role === 'output' && action?.dynamicOutputs?.key === field.key
              ? `Dynamic Output Group, choose the flow "${dynamicFieldsFlowName(action.name, action.dynamicOutputs.label)}"`
              : role === 'option' && choices.length
                ? 'Dropdown: Static Values'
                : fieldTypeName(field.value),
    required: field.required === true,
    description: fromSpec?.description ?? '',
    choices,
    default:
      given === undefined || given === '' ? null : typeof given === 'string' ? given : JSON.stringify(given),
  };
}

function sheetEntries(graph: FlowGraph, flowNames: FlowNames): SheetEntry[] {
  const entries: SheetEntry[] = [];
  const walk = (steps: readonly GraphNode[], depth: number) => {
    for (const node of steps) {
      entries.push({ lane: null, card: cardSheet(node, graph, flowNames), depth });
      for (const lane of node.lanes) {
        entries.push({
          lane: { label: lane.label, ownerNumber: node.number, ownerName: node.name },
          card: null,
          depth: depth + 1,
        });
        walk(lane.steps, depth + 1);
      }
    }
  };
  walk(graph.steps, 0);
  return entries;
}

function cardSheet(node: GraphNode, graph: FlowGraph, flowNames: FlowNames): CardSheet {
  const isEvent = node.card === graph.start;
  const kind = node.card.tail;
  // The flopack's Call Flow passes the connection on (an importable stand-in); in Connector Builder the platform
  // fills the called flow's Auth section, so a person never wires it (src/connector/contract.ts).
  const inputs = isEvent
    ? []
    : kind === 'control:spawn'
      ? visibleInputs(node.card).filter((f) => f.key !== CONNECTION_INPUT_KEY)
      : visibleInputs(node.card);
  const sources = describeInputs(node.card, inputs, graph, flowNames);
  const rows = listOf(inputs, (f, i) => fieldRow(f, sources[i]!));
  let text: string | null = null;
  let fields = rows;
  if (kind === 'string:compose') {
    const textField = inputs.find((f) => f.key === '_text_');
    const data = textField?.value.data;
    if (typeof data === 'string') {
      // The last input of that key, as a Map of them had it (no Map made per compose card).
      const rowOf = (key: string) => rows[inputs.findLastIndex((f) => f.key === key)];
      text = data.replace(/\{\{\{([^}]*)\}\}\}/g, (whole, key: string) => {
        const row = rowOf(key);
        const from = row?.drag?.[0];
        return from ? `[${from.output} from ${from.card}]` : row ? `[${row.label}]` : whole;
      });
      // Compose: the dragged fields are shown inside the text, where a person drops them.
      fields = rows.filter((_, i) => !isComposePart(inputs[i]!, data));
    }
  }
  const outputs: CardSheet['outputs'] = [];
  if (!node.card.model?.mirrored && kind !== 'control:return') {
    for (const { field: f } of node.card.outputs.values()) {
      if (f.metadata.forceHide !== true && f.metadata.hidden !== true && f.group !== 'context')
        outputs.push({ label: f.metadata.displayname ?? f.key, type: fieldTypeName(f.value) });
    }
  }
  return {
    number: node.number,
    name: node.name,
    type: node.type,
    address: node.card.address,
    isEvent,
    fields,
    outputs,
    text,
    errorHandling: errorHandlingOf(node.card.model?.policy?.error),
  };
}

function fieldRow(field: IoField, source: FieldSource): FieldRow {
  return {
    label: field.metadata.displayname ?? field.key,
    type: fieldTypeName(field.value),
    drag:
      source.how === 'drag'
        ? listOf(source.from, (d) => ({ output: d.output, card: d.card, number: d.number ?? null }))
        : null,
    value: source.how === 'value' ? source.value : null,
    flow: source.how === 'flow' ? source.flow : null,
    empty: source.how === 'empty',
  };
}

function isComposePart(field: IoField, text: string): boolean {
  return field.key === '_text_' || text.includes(`{{{${field.key}}}}`);
}

/** The statuses of the dialog's named choices, joined once (not per retrying card). */
const RETRY_CHOICES = {
  rateLimits: retryStatuses('rateLimits').join(),
  allErrors: retryStatuses('allErrors').join(),
};

/** The HTTP card's Error handling dialog as Connector Builder words it (contract HTTP_RETRY), or null. */
function errorHandlingOf(policy: ErrorPolicy | undefined): CardSheet['errorHandling'] {
  if (!policy || policy.type !== 'finish' || !policy.retry) return null;
  const statuses = policy.statuses ?? [];
  // The policy holds the statuses; the dialog names the choice they came from (retry-policy.ts).
  const joined = statuses.join();
  const same = (choice: 'rateLimits' | 'allErrors') => RETRY_CHOICES[choice] === joined;
  const on = same('rateLimits')
    ? 'Rate limits (429, 504)'
    : same('allErrors')
      ? 'All error codes'
      : statuses.length
        ? `Specified errors (a List Construct of ${statuses.join(', ')} dragged to Status Codes)`
        : 'Rate limits (429, 504)';
  const minutes = (ms: number | undefined) => Math.round((ms ?? 60_000) / 60_000);
  return {
    on,
    times: policy.retry,
    minMinutes: minutes(policy.delay),
    maxMinutes: minutes(policy.delayMax ?? policy.delay),
  };
}

/**
 * `items.map(fn)` as a list built by push, for the lists the build sheet templates read. Array.prototype.map gives a
 * holey array in optimized code and a packed one otherwise: a compiled template optimized on one kind was
 * deoptimized by the other and compiled again (~0.1-0.3 s of compiling per template on a 1,000-action build).
 */
function listOf<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const list: U[] = [];
  for (let i = 0; i < items.length; i++) list.push(fn(items[i]!, i));
  return list;
}
