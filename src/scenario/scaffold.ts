import { authConnectionKeys, computedConfigKeys } from '../spec/auth-types.js';
import { stringify } from 'yaml';
import type { Action, ConnectorSpec } from '../spec/types.js';

/**
 * The text of a new scenario file for one action of a spec (`okta-connector test init`): the documented scenario
 * format with every option and input of the action, so the author fills in values and expectations.
 */
export function scaffoldScenario(spec: ConnectorSpec, action: Action): string {
  const options = Object.fromEntries(
    (action.options ?? []).map((o) => [o.key, example(o.default, o.required)]),
  );
  const inputs = Object.fromEntries(
    (action.inputs ?? [])
      .filter((i) => i.required || i.default !== undefined)
      .map((i) => [i.key, example(i.default, true)]),
  );
  // A pattern matches text: check a single value, not a list (a paginated action's count rather than its items).
  const firstOutput = action.outputs?.find((o) => !o.list && o.type !== 'object');
  const method = action.request.method;
  // Twilio's mock features (seed, faults, the message store) only where the mock Twilio serves the connector.
  const twilio = spec.mock === 'twilio';
  const lines = [
    `# Scenario for the ${spec.displayName} connector: run with \`okta-connector test\`.`,
    `name: ${yamlScalar(`${action.name} succeeds`)}`,
    `action: ${yamlScalar(action.name)}            # an action name, or "Custom API Action"; or \`authping: true\` instead of action`,
    `options: ${flow(options)}`,
    `inputs: ${flow(inputs)}`,
    ...connectionLines(spec),
    ...(twilio
      ? [
          `# mock:                            # optional`,
          `#   seed: <path or inline, optional>`,
          `#   faults: [{ route: messages.create, nth: 1, kind: rate-limit, retryAfterSeconds: 1 }]`,
          `#   settle: true                   # wait for the message lifecycle, then check expect.messages`,
        ]
      : [
          `# mock:                            # optional: canned answers, in front of the spec's mock or alone`,
          `#   responses:`,
          `#     - when: { method: ${method}, path: '${action.request.path.replace(/'/g, "''")}' }`,
          `#       respond: { status: 200, body: {} }`,
        ]),
    `expect:`,
    firstOutput
      ? `  outputs: { ${firstOutput.key}: { match: '.+' } }   # subset; a value or { match: <regex> }`
      : `  outputs: {}                     # subset; a value or { match: <regex> }`,
    twilio
      ? `  # error: { statusCode: 400, message: { match: '21211' } }   # for failing runs, instead of outputs`
      : `  # error: { statusCode: 404, message: { match: '.+' } }   # for failing runs, instead of outputs`,
    `  requests:                        # ordered subset of the requests sent`,
    `    - { method: ${method}, path: '${expectedPath(spec, action).replace(/'/g, "''")}' }`,
    ...(twilio
      ? [`  # messages: [{ status: delivered }]   # the mock's message store (with mock.settle)`]
      : []),
    '',
  ];
  return lines.join('\n');
}

/** The connection a scenario may give, by this connector's own keys (secrets never belong in the file). */
function connectionLines(spec: ConnectorSpec): string[] {
  const keys = [
    // Config values computed by a helper flow are the platform's, not the scenario's.
    ...authConnectionKeys(spec).filter((k) => !computedConfigKeys(spec).includes(k)),
    ...(spec.connectionParameters ?? []).map((p) => p.key),
  ];
  if (keys.length === 0) return [];
  const defaults =
    spec.mock === 'twilio' ? "the mock's default credentials" : 'placeholder values the mock accepts';
  return [`# connection: { ${keys.map((k) => `${k}: ...`).join(', ')} }   # optional: default = ${defaults}`];
}

/** The request path the mock sees: the base URL's path plus the action's, with `${inputs.x}` left for the author. */
function expectedPath(spec: ConnectorSpec, action: Action): string {
  const basePath = spec.baseUrl.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return basePath + action.request.path;
}

function example(value: unknown, required: boolean | undefined): unknown {
  if (value !== undefined) return value;
  return required ? 'TODO' : '';
}

function flow(o: Record<string, unknown>): string {
  return stringify(o, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

function yamlScalar(s: string): string {
  return stringify(s, { lineWidth: 0 }).trim();
}

/** A file name for an action's scenario: `Send Message` → `send-message.yaml`. */
export function scenarioFileName(actionName: string): string {
  return (
    actionName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') + '.yaml'
  );
}
