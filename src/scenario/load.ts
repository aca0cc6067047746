import { resolve } from 'node:path';
import { checkStubs } from './stubs.js';
import { MASKED_AUTH } from './body.js';
import { isRegexMatcher } from './match.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { Checker, isObj, SCENARIO_CODES, type Obj, type Path } from './checker.js';
import { loadSourceFile, parseSource, type SourceDocument } from '../source/document.js';
import {
  FAULT_KINDS,
  FAULT_ROUTES,
  type Scenario,
  type ScenarioExpect,
  type ScenarioFault,
  type ScenarioMock,
  type ScenarioStep,
} from './types.js';

import { deliveryInputs, type WebhookDelivery } from './webhook-delivery.js';

export { SCENARIO_CODES };

const TOP_KEYS = [
  'name',
  'action',
  'authping',
  'options',
  'inputs',
  'webhook',
  'connection',
  'setup',
  'retry',
  'mock',
  'expect',
];
const STEP_KEYS = ['action', 'authping', 'options', 'inputs'];
const MOCK_KEYS = ['seed', 'faults', 'settle', 'httpTimeoutMs', 'responses', 'cassette'];
const FAULT_KEYS = ['route', 'nth', 'times', 'kind', 'status', 'retryAfterSeconds', 'delayMs'];
const EXPECT_KEYS = ['outputs', 'error', 'requests', 'messages', 'cursor', 'stopped'];
const ERROR_KEYS = ['statusCode', 'message', 'kind'];
const REQUEST_KEYS = ['method', 'path', 'query', 'form', 'headers', 'status', 'authUser', 'body', 'auth'];

/** Reads and checks one scenario file; every problem is a diagnostic with file:line:column. */
export async function loadScenarioFile(file: string, displayName = file): Promise<Scenario> {
  return { ...checkScenario(await loadSourceFile(file, displayName)), path: resolve(file) };
}

export function parseScenario(text: string, file: string): Scenario {
  return checkScenario(parseSource(text, file));
}

function checkScenario(doc: SourceDocument): Scenario {
  const diagnostics: Diagnostic[] = [];
  const c = new Checker(doc, diagnostics);
  const top = c.object(doc.data, [], 'the scenario');
  if (!top) throw new DiagnosticsError(diagnostics);
  c.keys(top, [], TOP_KEYS);
  const name = c.string(top.name, ['name'], true);
  const action = c.string(top.action, ['action'], false);
  const authping = c.boolean(top.authping, ['authping']) ?? false;
  if (action === undefined && !authping) {
    c.error([], SCENARIO_CODES.required, 'a scenario needs `action: <action name>` or `authping: true`');
  }
  if (action !== undefined && authping) {
    c.error(['authping'], SCENARIO_CODES.shape, 'give either `action` or `authping: true`, not both');
  }
  const options = c.object(top.options, ['options'], '`options`', true) ?? {};
  const given = c.object(top.inputs, ['inputs'], '`inputs`', true) ?? {};
  // A webhook event's delivery: the event flow's inputs (body, headers, query) as the platform hands them over.
  const delivery = checkWebhook(c, top.webhook);
  const inputs = delivery ? { ...given, ...deliveryInputs(delivery) } : given;
  const connectionObj = c.object(top.connection, ['connection'], '`connection`', true);
  let connection: Record<string, string> | undefined;
  if (connectionObj) {
    connection = {};
    for (const [k, v] of Object.entries(connectionObj)) {
      const s = c.string(v, ['connection', k], true);
      if (s !== undefined) connection[k] = s;
    }
  }
  const setup = checkSetup(c, top.setup);
  const retry = checkRetry(c, top.retry);
  const mock = checkMock(c, top.mock);
  const expect = checkExpect(c, top.expect);
  if (hasErrors(diagnostics)) throw new DiagnosticsError(diagnostics);
  return {
    file: doc.file,
    name: name ?? '',
    ...(action !== undefined ? { action } : {}),
    authping,
    options,
    inputs,
    ...(connection ? { connection } : {}),
    setup,
    ...(retry ? { retry } : {}),
    mock,
    expect,
  };
}

function checkWebhook(c: Checker, value: unknown): WebhookDelivery | undefined {
  const w = c.object(value, ['webhook'], '`webhook`', true);
  if (!w) return undefined;
  c.keys(w, ['webhook'], ['body', 'contentType', 'headers', 'query']);
  const text = (obj: unknown, key: string): Record<string, string> | undefined => {
    const o = c.object(obj, ['webhook', key], `\`webhook.${key}\``, true);
    if (!o) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(o)) {
      const s = c.string(v, ['webhook', key, k], true);
      if (s !== undefined) out[k] = s;
    }
    return out;
  };
  const contentType = c.string(w.contentType, ['webhook', 'contentType'], false);
  const headers = text(w.headers, 'headers');
  const query = text(w.query, 'query');
  return {
    ...(w.body !== undefined ? { body: w.body } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(headers ? { headers } : {}),
    ...(query ? { query } : {}),
  };
}

function checkRetry(c: Checker, value: unknown): Scenario['retry'] {
  const r = c.object(value, ['retry'], '`retry`', true);
  if (!r) return undefined;
  c.keys(r, ['retry'], ['times', 'delayMs']);
  const times = c.integer(r.times, ['retry', 'times'], 0, 10);
  if (times === undefined) {
    if (r.times === undefined)
      c.error(['retry'], SCENARIO_CODES.required, '`retry.times` is required (0 to 10)');
    return undefined;
  }
  const delayMs = c.integer(r.delayMs, ['retry', 'delayMs'], 0);
  return { times, ...(delayMs !== undefined ? { delayMs } : {}) };
}

function checkSetup(c: Checker, value: unknown): ScenarioStep[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    c.error(['setup'], SCENARIO_CODES.shape, '`setup` must be a list of steps ({ action, options, inputs })');
    return [];
  }
  const steps: ScenarioStep[] = [];
  value.forEach((v, i) => {
    const path = ['setup', i];
    const step = c.object(v, path, 'a setup step');
    if (!step) return;
    c.keys(step, path, STEP_KEYS);
    const action = c.string(step.action, [...path, 'action'], false);
    const authping = c.boolean(step.authping, [...path, 'authping']) ?? false;
    if ((action === undefined) === !authping) {
      c.error(
        path,
        SCENARIO_CODES.required,
        'a setup step needs exactly one of `action: <name>` and `authping: true`',
      );
    }
    steps.push({
      ...(action !== undefined ? { action } : {}),
      authping,
      options: c.object(step.options, [...path, 'options'], '`options`', true) ?? {},
      inputs: c.object(step.inputs, [...path, 'inputs'], '`inputs`', true) ?? {},
    });
  });
  return steps;
}

function checkMock(c: Checker, value: unknown): ScenarioMock {
  const mock: ScenarioMock = { faults: [], settle: false, responses: [] };
  const m = c.object(value, ['mock'], '`mock`', true);
  if (!m) return mock;
  c.keys(m, ['mock'], MOCK_KEYS);
  mock.responses = checkStubs(c, m.responses, ['mock', 'responses']);
  if (m.seed !== undefined) {
    if (typeof m.seed === 'string' || isObj(m.seed)) mock.seed = m.seed as string | Obj;
    else c.error(['mock', 'seed'], SCENARIO_CODES.shape, '`mock.seed` must be a file path or a mapping');
  }
  mock.settle = c.boolean(m.settle, ['mock', 'settle']) ?? false;
  const timeout = c.integer(m.httpTimeoutMs, ['mock', 'httpTimeoutMs'], 1);
  if (timeout !== undefined) mock.httpTimeoutMs = timeout;
  const cassette = c.string(m.cassette, ['mock', 'cassette'], false);
  if (cassette !== undefined) {
    mock.cassette = cassette;
    // The cassette is the whole server: nothing of the mock Twilio's is there to seed, fault or settle.
    for (const key of ['seed', 'faults', 'settle'])
      if (m[key] !== undefined)
        c.errorAtKey(
          ['mock', key],
          SCENARIO_CODES.shape,
          `\`mock.${key}\` configures the mock Twilio; a scenario that replays \`mock.cassette\` has no other mock`,
        );
  }
  if (m.faults !== undefined) {
    if (!Array.isArray(m.faults))
      c.error(['mock', 'faults'], SCENARIO_CODES.shape, '`mock.faults` must be a list');
    else
      m.faults.forEach((f, i) => {
        const fault = checkFault(c, f, ['mock', 'faults', i]);
        if (fault) mock.faults.push(fault);
      });
  }
  return mock;
}

function checkFault(c: Checker, value: unknown, path: Path): ScenarioFault | undefined {
  const f = c.object(value, path, 'a fault');
  if (!f) return undefined;
  c.keys(f, path, FAULT_KEYS);
  const kind = c.oneOf(f.kind, [...path, 'kind'], FAULT_KINDS, true);
  const route = c.oneOf(f.route, [...path, 'route'], FAULT_ROUTES, false);
  const fault: ScenarioFault = { kind: kind ?? 'server-error' };
  if (route) fault.route = route;
  const nth = c.integer(f.nth, [...path, 'nth'], 1);
  if (nth !== undefined) fault.nth = nth;
  const times = c.integer(f.times, [...path, 'times'], 1);
  if (times !== undefined) fault.times = times;
  const status = c.integer(f.status, [...path, 'status'], 100, 599);
  if (status !== undefined) fault.status = status;
  const retry = c.integer(f.retryAfterSeconds, [...path, 'retryAfterSeconds'], 0);
  if (retry !== undefined) fault.retryAfterSeconds = retry;
  const delay = c.integer(f.delayMs, [...path, 'delayMs'], 0);
  if (delay !== undefined) fault.delayMs = delay;
  return fault;
}

function checkExpect(c: Checker, value: unknown): ScenarioExpect {
  const e = c.object(value, ['expect'], '`expect`', true);
  if (!e) return {};
  c.keys(e, ['expect'], EXPECT_KEYS);
  const out: ScenarioExpect = {};
  const outputs = c.object(e.outputs, ['expect', 'outputs'], '`expect.outputs`', true);
  if (outputs) out.outputs = outputs;
  const error = c.object(e.error, ['expect', 'error'], '`expect.error`', true);
  if (error) {
    c.keys(error, ['expect', 'error'], ERROR_KEYS);
    out.error = error;
  }
  if (outputs && error) {
    c.error(
      ['expect', 'error'],
      SCENARIO_CODES.shape,
      'expect either `outputs` (a successful run) or `error`, not both',
    );
  }
  if (e.requests !== undefined) {
    if (!Array.isArray(e.requests))
      c.error(['expect', 'requests'], SCENARIO_CODES.shape, '`expect.requests` must be a list');
    else {
      out.requests = [];
      e.requests.forEach((r, i) => {
        const req = c.object(r, ['expect', 'requests', i], 'an expected request');
        if (!req) return;
        c.keys(req, ['expect', 'requests', i], REQUEST_KEYS);
        checkAuth(c, req.auth, ['expect', 'requests', i, 'auth']);
        out.requests?.push(req);
      });
    }
  }
  if (e.messages !== undefined) {
    if (!Array.isArray(e.messages))
      c.error(['expect', 'messages'], SCENARIO_CODES.shape, '`expect.messages` must be a list');
    else {
      out.messages = [];
      e.messages.forEach((m, i) => {
        const msg = c.object(m, ['expect', 'messages', i], 'an expected message');
        if (msg) out.messages?.push(msg);
      });
    }
  }
  // A polling monitor's Cursor card: what the next run gets (any value; `{match:}` for text).
  if (Object.hasOwn(e, 'cursor')) out.cursor = e.cursor;
  // A webhook event's filter (Continue If) dropped the delivery: no flow starts.
  if (Object.hasOwn(e, 'stopped')) {
    const stopped = c.boolean(e.stopped, ['expect', 'stopped']);
    if (stopped !== undefined) out.stopped = stopped;
  }
  c.matchers(e, ['expect']);
  return out;
}

/** `auth` names the scheme and masks the secret, so a scenario file never holds a credential. */
function checkAuth(c: Checker, value: unknown, path: Path): void {
  if (value === undefined || isRegexMatcher(value)) return;
  if (typeof value !== 'string' || !MASKED_AUTH.test(value)) {
    c.error(
      path,
      SCENARIO_CODES.shape,
      "`auth` is the scheme with the secret masked: 'Basic ***', 'Bearer ***' (any scheme), '***' or 'none'",
      'never write the credential itself; assert values such as the username with `authUser`',
    );
  }
}
