import type {
  ConfigValue,
  Action,
  Authentication,
  ConnectionParameter,
  ConnectorSpec,
  Input,
  Option,
  Output,
} from '../spec/types.js';
import { templateRefs } from '../spec/placeholders.js';
import { InvalidAnswersError } from './errors.js';
import { SESSION_CONFIG, type AuthAnswers, type InitAnswers, type ParamAnswer } from './answers.js';
import { humanize } from './names.js';

/** The scaffold's version: not yet 1.0.0, since nobody has run it against the real API. */
export const SCAFFOLD_VERSION = '0.1.0';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface ScaffoldSpec {
  spec: ConnectorSpec;
  /** What init decided on the user's behalf, for the summary (e.g. a parameter added for a placeholder). */
  notes: string[];
}

/**
 * The connector spec for a set of answers. `${connection.<key>}` placeholders without a matching parameter get one
 * (the user evidently needs it); duplicate parameter keys are an InvalidAnswersError.
 */
export function buildSpec(answers: InitAnswers): ScaffoldSpec {
  const notes: string[] = [];
  const params = completeParams(answers, notes);
  const spec: ConnectorSpec = {
    specVersion: 1,
    name: answers.name,
    displayName: answers.displayName,
    description: answers.description,
    version: SCAFFOLD_VERSION,
    supportEmail: answers.supportEmail,
    authentication: authentication(answers.auth),
    ...(params.length > 0 && { connectionParameters: params.map(connectionParameter) }),
    baseUrl: answers.baseUrl,
    defaultHeaders: { Accept: 'application/json' },
    authping: { request: { method: 'GET', path: authpingPath(answers) }, healthyStatuses: [200] },
    actions: [action(answers)],
    customApiAction: true,
  };
  return { spec, notes };
}

/**
 * `--session-path`: the Session Token config value, computed by a helper flow that POSTs the connection's client
 * id and secret (form-encoded, OAuth's client_credentials names) and reads the token at `value`.
 */
function sessionConfigValue(session: { path: string; value: string }): ConfigValue {
  return {
    key: SESSION_CONFIG.key,
    label: SESSION_CONFIG.label,
    type: 'password',
    visible: false,
    helperFlow: {
      request: {
        method: 'POST',
        path: session.path,
        body: {
          encoding: 'form',
          fields: {
            client_id: `\${connection.${SESSION_CONFIG.clientId.key}}`,
            client_secret: `\${connection.${SESSION_CONFIG.clientSecret.key}}`,
          },
        },
      },
      value: session.value,
    },
  };
}

function completeParams(answers: InitAnswers, notes: string[]): ParamAnswer[] {
  const params = [...answers.params];
  const seen = new Set<string>();
  const duplicates = params.filter((p) => seen.has(p.key) || !seen.add(p.key));
  if (duplicates.length > 0) {
    throw new InvalidAnswersError(duplicates.map((p) => `--param: "${p.key}" is given more than once`));
  }
  // A session token is a config value, not a parameter; its request needs the client id and secret.
  if (answers.auth.type === 'custom' && answers.auth.session) {
    seen.add(SESSION_CONFIG.key);
    for (const [p, type] of [
      [SESSION_CONFIG.clientId, 'text'],
      [SESSION_CONFIG.clientSecret, 'password'],
    ] as const) {
      if (params.some((q) => q.key === p.key)) continue;
      params.push({ key: p.key, label: p.label, type, required: true });
      seen.add(p.key);
      notes.push(
        `added the connection parameter "${p.key}"${type === 'password' ? ' (password)' : ''}, sent by the session token request`,
      );
    }
  }
  const uses: Array<[string, string, boolean]> = [
    [answers.baseUrl, 'the base URL', false],
    [answers.action.path, `the path of "${answers.action.name}"`, false],
  ];
  if (answers.auth.type === 'custom') uses.push([answers.auth.value, 'the API key value', true]);
  const used = new Set<string>();
  for (const [template, where, secret] of uses) {
    for (const ref of templateRefs(template)) {
      if (ref.source === 'connection') used.add(ref.key);
      if (ref.source !== 'connection' || seen.has(ref.key)) continue;
      seen.add(ref.key);
      params.push({
        key: ref.key,
        label: humanize(ref.key),
        type: secret ? 'password' : 'text',
        required: true,
      });
      notes.push(
        `added the connection parameter "${ref.key}"${secret ? ' (password)' : ''}, used in ${where}`,
      );
    }
  }
  for (const p of answers.params) {
    if (!used.has(p.key))
      notes.push(
        `connection parameter "${p.key}" is not used yet: reference it as \${connection.${p.key}} in the base URL, a path or a header`,
      );
  }
  return params;
}

function connectionParameter(p: ParamAnswer): ConnectionParameter {
  return { key: p.key, label: p.label, type: p.type, required: p.required };
}

function authentication(auth: AuthAnswers): Authentication {
  switch (auth.type) {
    case 'basic':
      return {
        type: 'basic',
        username: { label: auth.usernameLabel },
        password: { label: auth.passwordLabel },
      };
    case 'custom':
      return {
        type: 'custom',
        placement: auth.placement,
        name: auth.name,
        value: auth.value,
        ...(auth.session && { configValues: [sessionConfigValue(auth.session)] }),
      };
    case 'oauth2':
      return {
        type: 'oauth2',
        grantType: auth.grantType,
        ...(auth.authorizeUrl !== undefined && { authorizeUrl: auth.authorizeUrl }),
        tokenUrl: auth.tokenUrl,
        ...(auth.scopes.length > 0 && { scopes: auth.scopes }),
      };
  }
}

/**
 * _authping must call an endpoint that needs valid credentials (reference §2.5). The first action's path serves
 * when it is a GET needing no inputs; otherwise `/`, which the generated comment asks the user to replace.
 */
function authpingPath(answers: InitAnswers): string {
  const { method, path } = answers.action;
  const needsValues = templateRefs(path).some((r) => r.source !== 'connection');
  return method === 'GET' && !needsValues ? path : '/';
}

/** The first action: inputs/options from the path's placeholders, a sample JSON body for POST/PUT/PATCH. */
function action(answers: InitAnswers): Action {
  const { name, method, path } = answers.action;
  const inputs: Input[] = [];
  const options: Option[] = [];
  for (const ref of templateRefs(path)) {
    const field = { key: ref.key, label: humanize(ref.key), type: 'text' as const, required: true };
    if (ref.source === 'inputs' && !inputs.some((i) => i.key === ref.key)) inputs.push(field);
    if (ref.source === 'options' && !options.some((o) => o.key === ref.key)) options.push(field);
  }
  let body: Action['request']['body'];
  if (BODY_METHODS.has(method)) {
    const key = inputs.some((i) => i.key === 'name') ? 'itemName' : 'name';
    inputs.push({
      key,
      label: humanize(key),
      type: 'text',
      required: true,
      description: 'An example body field; rename it.',
    });
    body = { encoding: 'json', fields: { [key]: `\${inputs.${key}}` } };
  }
  const outputs: Output[] = [{ key: 'statusCode', label: 'Status Code', type: 'number', from: 'status' }];
  if (method !== 'DELETE') outputs.push({ key: 'body', label: 'Body', type: 'object', from: 'body' });
  const readablePath = path.replace(/\$\{(?:inputs|options|connection)\.([^}]*)\}/g, '{$1}');
  return {
    name,
    description: `Sends ${method} ${readablePath} and returns the response. Describe what the card does for the user.`,
    ...(options.length > 0 && { options }),
    ...(inputs.length > 0 && { inputs }),
    request: { method, path, ...(body && { body }) },
    outputs,
    errors: { statuses: ['400-599'], messagePath: 'message' },
  };
}
