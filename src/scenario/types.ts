import type { FaultKind, FaultRoute } from '../mock/twilio/faults.js';
import type { ScenarioStub } from './stubs.js';
/**
 * A scenario file (`connectors/<name>/tests/*.yaml`): one run of an action (or the authping) against the embedded
 * mock Twilio, and what must come out of it. `okta-connector test init` scaffolds exactly this shape.
 */
export interface Scenario {
  /** The file it came from, as given to the loader. */
  file: string;
  /** Its absolute path when read from disk: where `mock.seed` and `mock.cassette` paths start. */
  path?: string;
  name: string;
  /** An action name or "Custom API Action"; absent when `authping` is true. */
  action?: string;
  authping: boolean;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>;
  /** The connection; absent = the mock's default credentials (API key). */
  connection?: Record<string, string>;
  /**
   * Runs before the scenario's own action, with the same connection and mock (e.g. send a message so Get Message
   * has a SID). Later string inputs may use `${setup.<n>.<outputKey>}`.
   */
  setup: ScenarioStep[];
  /**
   * Simulation setting: the calling card's "retry on error" in Okta (429, 5xx, timeouts), waiting Retry-After.
   * Absent = no retry, which is what an Okta card does by default.
   */
  retry?: { times: number; delayMs?: number };
  mock: ScenarioMock;
  expect: ScenarioExpect;
}

export interface ScenarioStep {
  action?: string;
  authping: boolean;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>;
}

export { FAULT_KINDS, FAULT_ROUTES, type FaultKind, type FaultRoute } from '../mock/twilio/faults.js';
/** Mirrors the mock's FaultSpec (src/mock/twilio). */
export interface ScenarioFault {
  route?: FaultRoute;
  nth?: number;
  times?: number;
  kind: FaultKind;
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export interface ScenarioMock {
  /** A seed file (resolved against the scenario's folder) or an inline seed object. */
  seed?: string | Record<string, unknown>;
  faults: ScenarioFault[];
  /** Wait for the mock's message lifecycle to finish before checking `expect.messages`. */
  settle: boolean;
  /** Simulation setting: how long an HTTP card waits before timing out (the artifact says 30 s). */
  httpTimeoutMs?: number;
  /** Canned answers in front of the mock, or alone (stubs.ts). */
  responses: ScenarioStub[];
  /** A recorded cassette (path relative to the scenario) replayed strictly as the mock (cassette.ts). */
  cassette?: string;
}

/** A matcher: a literal (objects match as subsets) or `{ match: <regex> }`. */
export type Expected = unknown;

/**
 * A request the mock must have seen (an ordered subset of all it saw; `requests: []` means none at all). Strings
 * may use `${connection.<key>}`, `${inputs.<key>}` and `${options.<key>}` for the values the run used.
 */
export interface ExpectedRequest {
  method?: string;
  path?: string;
  query?: Record<string, Expected>;
  form?: Record<string, Expected>;
  headers?: Record<string, Expected>;
  status?: number;
  authUser?: string;
  /** The body as sent: JSON parsed, a form as an object of its fields, else the text; objects match as subsets. */
  body?: Expected;
  /** The auth scheme with the secret masked (`Basic ***`, `Bearer ***`), or `none`. */
  auth?: string;
}

export interface ScenarioExpect {
  outputs?: Record<string, Expected>;
  error?: { statusCode?: Expected; message?: Expected; kind?: Expected };
  requests?: ExpectedRequest[];
  messages?: Array<Record<string, Expected>>;
  /** A polling monitor's saved cursor (what its Cursor card passed on to the next run). */
  cursor?: Expected;
  /** A webhook event's filter dropped the delivery (true), or let it through (false). */
  stopped?: boolean;
}

/** The outcome of one scenario. */
export interface ScenarioResult {
  file: string;
  name: string;
  ok: boolean;
  /** Wall time of the run (not deterministic; reporters may omit it). */
  ms: number;
  /** Expectation failures, expected vs actual. */
  mismatches: Array<{ path: string; expected: unknown; actual: unknown; message: string }>;
  /** A problem that stopped the scenario before its expectations could be checked (unknown action, bad seed). */
  problem?: string;
  /** Why the scenario did not run (it needs the embedded mock and the suite runs against --base-url). */
  skipped?: string;
}

export interface SuiteResult {
  connector: string;
  results: ScenarioResult[];
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
}
