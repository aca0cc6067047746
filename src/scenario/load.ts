import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { loadSourceFile, parseSource, toPointer, type SourceDocument } from '../source/document.js';
import { didYouMean } from '../util/did-you-mean.js';
import {
  FAULT_KINDS,
  FAULT_ROUTES,
  type Scenario,
  type ScenarioExpect,
  type ScenarioFault,
  type ScenarioMock,
} from './types.js';

export const SCENARIO_CODES = {
  shape: 'OC-SCENARIO-SHAPE',
  unknownKey: 'OC-SCENARIO-UNKNOWN-KEY',
  required: 'OC-SCENARIO-REQUIRED',
  regex: 'OC-SCENARIO-REGEX',
} as const;

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

const TOP_KEYS = ['name', 'action', 'authping', 'options', 'inputs', 'connection', 'mock', 'expect'];
const MOCK_KEYS = ['seed', 'faults', 'settle', 'httpTimeoutMs'];
const FAULT_KEYS = ['route', 'nth', 'times', 'kind', 'status', 'retryAfterSeconds', 'delayMs'];
const EXPECT_KEYS = ['outputs', 'error', 'requests', 'messages'];
const ERROR_KEYS = ['statusCode', 'message', 'kind'];
const REQUEST_KEYS = ['method', 'path', 'query', 'form', 'headers', 'status', 'authUser'];

/** Reads and checks one scenario file; every problem is a diagnostic with file:line:column. */
export async function loadScenarioFile(file: string, displayName = file): Promise<Scenario> {
  return checkScenario(await loadSourceFile(file, displayName));
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
  const inputs = c.object(top.inputs, ['inputs'], '`inputs`', true) ?? {};
  const connectionObj = c.object(top.connection, ['connection'], '`connection`', true);
  let connection: Record<string, string> | undefined;
  if (connectionObj) {
    connection = {};
    for (const [k, v] of Object.entries(connectionObj)) {
      const s = c.string(v, ['connection', k], true);
      if (s !== undefined) connection[k] = s;
    }
  }
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
    mock,
    expect,
  };
}

function checkMock(c: Checker, value: unknown): ScenarioMock {
  const mock: ScenarioMock = { faults: [], settle: false };
  const m = c.object(value, ['mock'], '`mock`', true);
  if (!m) return mock;
  c.keys(m, ['mock'], MOCK_KEYS);
  if (m.seed !== undefined) {
    if (typeof m.seed === 'string' || isObj(m.seed)) mock.seed = m.seed as string | Obj;
    else c.error(['mock', 'seed'], SCENARIO_CODES.shape, '`mock.seed` must be a file path or a mapping');
  }
  mock.settle = c.boolean(m.settle, ['mock', 'settle']) ?? false;
  const timeout = c.integer(m.httpTimeoutMs, ['mock', 'httpTimeoutMs'], 1);
  if (timeout !== undefined) mock.httpTimeoutMs = timeout;
  if (m.faults !== undefined) {
    if (!Array.isArray(m.faults)) c.error(['mock', 'faults'], SCENARIO_CODES.shape, '`mock.faults` must be a list');
    else m.faults.forEach((f, i) => {
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
    c.error(['expect', 'error'], SCENARIO_CODES.shape, 'expect either `outputs` (a successful run) or `error`, not both');
  }
  if (e.requests !== undefined) {
    if (!Array.isArray(e.requests)) c.error(['expect', 'requests'], SCENARIO_CODES.shape, '`expect.requests` must be a list');
    else {
      out.requests = [];
      e.requests.forEach((r, i) => {
        const req = c.object(r, ['expect', 'requests', i], 'an expected request');
        if (!req) return;
        c.keys(req, ['expect', 'requests', i], REQUEST_KEYS);
        out.requests?.push(req);
      });
    }
  }
  if (e.messages !== undefined) {
    if (!Array.isArray(e.messages)) c.error(['expect', 'messages'], SCENARIO_CODES.shape, '`expect.messages` must be a list');
    else {
      out.messages = [];
      e.messages.forEach((m, i) => {
        const msg = c.object(m, ['expect', 'messages', i], 'an expected message');
        if (msg) out.messages?.push(msg);
      });
    }
  }
  c.matchers(e, ['expect']);
  return out;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Hand checks that record located diagnostics instead of throwing, so one run reports every problem. */
class Checker {
  constructor(
    private readonly doc: SourceDocument,
    private readonly out: Diagnostic[],
  ) {}

  error(path: Path, code: string, message: string, hint?: string): void {
    this.out.push(this.doc.at(toPointer(path), { severity: 'error', code, message, ...(hint ? { hint } : {}) }));
  }

  object(v: unknown, path: Path, what: string, optional = false): Obj | undefined {
    if (v === undefined || v === null) {
      if (!optional) this.error(path, SCENARIO_CODES.shape, `${what} must be a mapping`);
      return undefined;
    }
    if (!isObj(v)) {
      this.error(path, SCENARIO_CODES.shape, `${what} must be a mapping (key: value), found ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  keys(o: Obj, path: Path, allowed: readonly string[]): void {
    for (const key of Object.keys(o)) {
      if (allowed.includes(key)) continue;
      const guess = didYouMean(key, allowed);
      this.error(
        [...path, key],
        SCENARIO_CODES.unknownKey,
        `unknown key "${key}"${path.length ? ` in ${path.filter((p) => typeof p === 'string').join('.')}` : ''}; expected one of ${allowed.join(', ')}`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
    }
  }

  string(v: unknown, path: Path, required: boolean): string | undefined {
    if (v === undefined || v === null) {
      if (required) this.error(path, SCENARIO_CODES.required, `\`${path.join('.')}\` is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v === '') {
      this.error(path, SCENARIO_CODES.shape, `\`${path.join('.')}\` must be a non-empty string, found ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  boolean(v: unknown, path: Path): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.error(path, SCENARIO_CODES.shape, `\`${path.join('.')}\` must be true or false, found ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  integer(v: unknown, path: Path, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
      this.error(path, SCENARIO_CODES.shape, `\`${path.join('.')}\` must be an integer ${range}, found ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, path: Path, allowed: readonly T[], required: boolean): T | undefined {
    if (v === undefined || v === null) {
      if (required) this.error(path, SCENARIO_CODES.required, `\`${path.join('.')}\` is required (one of ${allowed.join(', ')})`);
      return undefined;
    }
    if (typeof v !== 'string' || !allowed.includes(v as T)) {
      const guess = typeof v === 'string' ? didYouMean(v, allowed) : undefined;
      this.error(
        path,
        SCENARIO_CODES.shape,
        `\`${path.join('.')}\` must be one of ${allowed.join(', ')}, found ${describe(v)}`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
      return undefined;
    }
    return v as T;
  }

  /** Every `{ match: ... }` under `expect` must hold a valid regular expression. */
  matchers(v: unknown, path: Path): void {
    if (Array.isArray(v)) return v.forEach((x, i) => this.matchers(x, [...path, i]));
    if (!isObj(v)) return;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'match') {
      const pattern = v.match;
      if (typeof pattern !== 'string') {
        this.error([...path, 'match'], SCENARIO_CODES.regex, '`match` must be a regular expression string');
        return;
      }
      try {
        new RegExp(pattern);
      } catch (error) {
        this.error([...path, 'match'], SCENARIO_CODES.regex, `invalid regular expression: ${(error as Error).message}`);
      }
      return;
    }
    for (const [k, x] of Object.entries(v)) this.matchers(x, [...path, k]);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
