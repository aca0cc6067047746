import { dynamicGroupRows } from './dynamic-group-docs.js';
import type { Flo, Flopack } from '../flopack/types.js';
import type { Action, ConnectorSpec, FieldType } from '../spec/types.js';
import { CAPIA } from '../connector/contract.js';
import { RETURN_ERROR_IF_FIELDS } from '../flopack/cards/control/return-error-if.js';
import { executionOrder, readFlo } from '../flopack/read/index.js';
import { authenticationModel, readableTemplate, type AuthenticationModel } from './auth-model.js';
import { uniqueSlugs } from './markdown.js';
import { connectorInfo, type ConnectorInfo } from './sheet-model.js';
import type { GeneratedFlow } from './types.js';

/**
 * The documentation Okta asks for with an integration network submission (reference §2.8): an Authorization
 * topic, a help topic for every action card including the Custom API Action, each stating the connector version.
 */
export interface DocsModel {
  connector: ConnectorInfo;
  authentication: AuthenticationModel;
  actions: ActionDoc[];
}

export interface ActionDoc {
  name: string;
  slug: string;
  description: string;
  isCapia: boolean;
  request: { method: string; path: string } | null;
  options: Array<{
    label: string;
    key: string;
    type: string;
    required: boolean;
    description: string;
    values: string[];
  }>;
  inputs: Array<{
    label: string;
    key: string;
    type: string;
    required: boolean;
    description: string;
    default: string | null;
  }>;
  outputs: Array<{ label: string; key: string; type: string; description: string }>;
  /** Messages of the Return Error If checks in the generated flow (reference §2.7), in flow order. */
  checks: string[];
  errorStatuses: string;
  errorMessagePath: string | null;
  methods: Array<{ method: string; meaning: string }>;
}

const TYPE_NAMES: Record<FieldType, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'True/False',
  datetime: 'Date & Time',
  object: 'Object',
};

function typeName(type: FieldType, list?: boolean): string {
  return list ? `List of ${TYPE_NAMES[type]}` : TYPE_NAMES[type];
}

/** What each Request Type does, for the CAPIA help topic. */
const METHOD_MEANINGS: Record<string, string> = {
  GET: 'Retrieves data from the service.',
  POST: 'Sends data to the service, usually to create a resource.',
  PUT: 'Replaces a resource with the data sent.',
  PATCH: 'Updates part of a resource with the data sent.',
  DELETE: 'Deletes a resource.',
};

export function buildDocsModel(
  spec: ConnectorSpec,
  flopack: Flopack,
  flows: readonly GeneratedFlow[],
): DocsModel {
  return docsModel(spec, flows, (floId) => {
    const flo = flopack.data.flos[floId];
    return flo ? returnErrorIfMessages(flo) : [];
  });
}

/** The docs of `flows`; `checksOf` gives an action flow's Return Error If messages (returnErrorIfMessages). */
export function docsModel(
  spec: ConnectorSpec,
  flows: readonly GeneratedFlow[],
  checksOf: (floId: string) => string[],
): DocsModel {
  const docs = new ActionDocs(spec, flows);
  return {
    ...docs.context,
    actions: flows.filter(isDocumented).map((flow) => docs.of(flow, checksOf(flow.floId))),
  };
}

/**
 * Each documented flow's help topic, one at a time (a page can be written as soon as its flow is built): the slugs
 * of all the topics and the connector's part of every page are worked out once.
 */
export class ActionDocs {
  /** What every page shows of the connector. */
  readonly context: Omit<DocsModel, 'actions'>;
  private readonly slugs = new Map<string, string>();
  private readonly labels: ReadonlyMap<string, string>;

  constructor(
    private readonly spec: ConnectorSpec,
    flows: readonly GeneratedFlow[],
  ) {
    const documented = flows.filter(isDocumented);
    const slugs = uniqueSlugs(
      documented.map((f) => f.name),
      'action',
    );
    documented.forEach((flow, i) => this.slugs.set(flow.floId, slugs[i]!));
    this.labels = new Map((spec.connectionParameters ?? []).map((p) => [p.key, p.label] as const));
    this.context = { connector: connectorInfo(spec), authentication: authenticationModel(spec) };
  }

  /** The topic of a documented flow of the plan, with its Return Error If messages. */
  of(flow: GeneratedFlow, checks: string[]): ActionDoc {
    const { spec } = this;
    const slug = this.slugs.get(flow.floId);
    if (slug === undefined) throw new Error(`flow ${flow.name} (${flow.floId}) has no help topic`);
    if (flow.kind === 'capia') return capiaDoc(flow.name, slug, spec, checks);
    const action = flow.action ?? spec.actions.find((a) => a.name === flow.name);
    return action ? actionDoc(action, slug, checks, this.labels) : capiaDoc(flow.name, slug, spec, checks);
  }
}

/** The flows the docs have a page for: the cards a connector's user sees. */
export function isDocumented(flow: Pick<GeneratedFlow, 'kind'>): boolean {
  return flow.kind === 'action' || flow.kind === 'capia';
}

function actionDoc(
  action: Action,
  slug: string,
  checks: string[],
  labels: ReadonlyMap<string, string>,
): ActionDoc {
  const dynamic = dynamicGroupRows(action);
  const messagePath = action.errors?.messagePath;
  return {
    name: action.name,
    slug,
    description: action.description,
    isCapia: false,
    request: { method: action.request.method, path: readableTemplate(action.request.path, labels) },
    options: (action.options ?? []).map((o) => ({
      label: o.label,
      key: o.key,
      type: o.type === 'dropdown' ? 'Dropdown' : 'Text',
      required: o.required === true,
      description: o.description ?? '',
      values: (o.values ?? []).map((v) => v.label),
    })),
    inputs: [
      ...(action.inputs ?? []).map((input) => ({
        label: input.label,
        key: input.key,
        type: typeName(input.type, input.list),
        required: input.required === true,
        description: input.description ?? '',
        default:
          input.default === undefined
            ? null
            : typeof input.default === 'string'
              ? input.default
              : JSON.stringify(input.default),
      })),
      ...dynamic.inputs,
    ],
    outputs: [
      ...(action.outputs ?? []).map((o) => ({
        label: o.label,
        key: o.key,
        type: typeName(o.type, o.list),
        description: o.description ?? defaultOutputDescription(o.from, o.path),
      })),
      ...dynamic.outputs,
    ],
    checks,
    errorStatuses: (action.errors?.statuses ?? ['400-599']).map(String).join(', '),
    // Not [messagePath].flat(): a generic builtin, a fifth of the topic's making.
    errorMessagePath:
      messagePath === undefined ? null : Array.isArray(messagePath) ? messagePath.join(', ') : messagePath,
    methods: [],
  };
}

function defaultOutputDescription(from: 'status' | 'headers' | 'body', path?: string): string {
  if (from === 'status') return 'The HTTP status code of the response.';
  if (from === 'headers') return `The ${path ?? ''} response header.`;
  return path ? `The ${path} field of the response body.` : 'The response body.';
}

/** Help-text conventions for CAPIA topics (reference §2.6, third-party-submissions-prepare-docs-capia). */
function capiaDoc(name: string, slug: string, spec: ConnectorSpec, checks: string[]): ActionDoc {
  return {
    name,
    slug,
    description: `Use the Custom API Action to make an authenticated custom API request to the ${spec.displayName} REST API.`,
    isCapia: true,
    request: null,
    options: [
      {
        label: CAPIA.requestTypeLabel,
        key: CAPIA.requestTypeOption,
        type: 'Dropdown',
        required: true,
        description: 'The HTTP method of the request.',
        values: [...CAPIA.methods],
      },
    ],
    inputs: [
      {
        label: CAPIA.inputs.relativeUrl,
        key: CAPIA.inputs.relativeUrl,
        type: 'Text',
        required: true,
        description:
          'Specify the relative URL as /{version}/{insert_remaining_URL}. You can specify query parameters in the relative URL using "?", or specify the query parameters as an object key pair in the Query input.',
        default: null,
      },
      {
        label: CAPIA.inputs.query,
        key: CAPIA.inputs.query,
        type: 'Object',
        required: false,
        description:
          'Specify any additional query parameters that should be included in object format (key value pairs).',
        default: null,
      },
      {
        label: CAPIA.inputs.headers,
        key: CAPIA.inputs.headers,
        type: 'Object',
        required: false,
        description:
          'Specify any headers required in addition to authorization or content-type (these are already handled by this connector).',
        default: null,
      },
      {
        label: CAPIA.inputs.body,
        key: CAPIA.inputs.body,
        type: 'Object',
        required: false,
        description:
          'Specify a request body in JSON format. Only available for POST, PUT, and PATCH requests.',
        default: null,
      },
    ],
    outputs: [
      {
        label: CAPIA.outputs.statusCode,
        key: CAPIA.outputs.statusCode,
        type: 'Number',
        description: 'The HTTP status code of the response, e.g. 200 for success.',
      },
      {
        label: CAPIA.outputs.headers,
        key: CAPIA.outputs.headers,
        type: 'Object',
        description: 'The response headers, e.g. {"Content-Type": "application/json"}.',
      },
      {
        label: CAPIA.outputs.body,
        key: CAPIA.outputs.body,
        type: 'Object',
        description: 'The response body returned by the service.',
      },
    ],
    checks,
    errorStatuses: '',
    errorMessagePath: null,
    methods: CAPIA.methods.map((m) => ({ method: m, meaning: METHOD_MEANINGS[m] ?? '' })),
  };
}

/** The `message` of every Return Error If card in the flow, so the docs list exactly the checks the flow makes. */
export function returnErrorIfMessages(flo: Flo): string[] {
  return executionOrder(readFlo(flo.data))
    .filter((c) => c.tail === 'control:throwIf')
    .map(
      (c) =>
        [...c.inputs.values()].find((f) => f.key === RETURN_ERROR_IF_FIELDS.message.key)?.field.value.data,
    )
    .filter((m): m is string => typeof m === 'string' && m !== '');
}
