import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DiagnosticsError, UsageError, UserError } from '../errors.js';
import { stubTransport } from './stubs.js';
import { connectionSecrets, loadCassette, replayCassette, type Replay } from './cassette.js';
import { secretConnectionKeys } from '../run/connection.js';
import { placeholderConnection } from '../run/offline-mock.js';
import type { Connection } from '../run/connection.js';
import { mockConnection, startEmbeddedMock, type EmbeddedMock } from '../run/embedded-mock.js';
import { originsToRewrite, runWithRetry } from '../run/execute.js';
import { createHttpTransport, type HttpTransport } from '../simulate/transport.js';
import { formatFlowError } from '../run/format.js';
import { checkFields, selectFlow } from '../run/select.js';
import type { Target } from '../run/target.js';
import type { FlowResult } from '../simulate/types.js';
import { expandPlaceholders, matchRequest, recordedRequest, sentRequest } from './expect-requests.js';
import { matchOrderedSubset, matchValue, type Mismatch } from './match.js';
import type { Scenario, ScenarioResult, ScenarioStep } from './types.js';

export interface ScenarioEnv {
  target: Target;
  /** A mock with the default seed, shared by scenarios that bring no seed of their own (reset before each). */
  mock?: EmbeddedMock;
  /**
   * `test --base-url`: a real or other Twilio-compatible server instead of the mock. Requests are then checked as
   * the flow sent them; scenarios that need the mock (faults, seed, settle, messages) report that they cannot run.
   */
  remote?: { url: string; connection?: Connection };
  /** Retry and Retry-After waits; defaults to a capped real sleep so suites stay fast. */
  sleep?: (ms: number) => Promise<void>;
  /** Lifecycle step of mocks started for scenarios with their own seed. */
  lifecycleStepMs?: number;
}

/** Waits at most 20 ms whatever the flow asked for: a scenario proves the retry happens, not how long it waits. */
export const fastSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.min(ms, 20)));

/** Runs one scenario against the mock and checks every expectation; never throws for a failing scenario. */
export async function runScenario(s: Scenario, env: ScenarioEnv): Promise<ScenarioResult> {
  const started = performance.now();
  const done = (mismatches: Mismatch[], problem?: string): ScenarioResult => ({
    file: s.file,
    name: s.name,
    ok: mismatches.length === 0 && problem === undefined,
    ms: Math.round(performance.now() - started),
    mismatches,
    ...(problem !== undefined ? { problem } : {}),
  });
  let own: { mock: EmbeddedMock; cleanup: () => Promise<void> } | undefined;
  try {
    const flow = selectFlow(env.target, s.authping ? { authping: true } : { action: s.action as string });
    checkFields(env.target, flow, s.options, s.inputs);
    // A cassette is the scenario's whole server: it replays offline whatever the suite runs against.
    const replaying = s.mock.cassette !== undefined;
    const remote = replaying ? undefined : env.remote;
    const needsMock = mockOnlyFeatures(s);
    if (remote && needsMock.length > 0) {
      return { ...done([]), skipped: `needs the embedded mock (${needsMock.join(', ')})` };
    }
    own =
      !remote && !replaying && s.mock.seed !== undefined
        ? await mockWithSeed(s, env.lifecycleStepMs)
        : undefined;
    const mock = replaying ? undefined : (own?.mock ?? env.mock);
    const stubsOnly = !remote && !mock && !replaying;
    if (stubsOnly && s.mock.responses.length === 0)
      throw new Error('runScenario needs a mock, a remote server or mock.responses');
    if (mock && !own) {
      mock.reset();
      mock.clearFaults();
    }
    const remoteConnection = s.connection ?? remote?.connection;
    if (remote && !remoteConnection) {
      return done(
        [],
        'no connection for --base-url: give the scenario a `connection`, or use --connection-file',
      );
    }
    // A replay fills what the scenario leaves out (a recorded scenario keeps no secret) with placeholders.
    const connection: Connection = replaying
      ? { ...(await placeholderConnection(env.target.spec)), ...s.connection }
      : (remoteConnection ??
        (stubsOnly
          ? (s.connection ?? (await placeholderConnection(env.target.spec)))
          : await mockConnection()));
    const replay = replaying ? await cassetteReplay(s, env.target, connection) : undefined;
    const sent: Array<Record<string, unknown>> = [];
    const serverUrl = remote?.url ?? mock?.url ?? STUBS_ONLY_SERVER;
    // Stubs answer first; what they do not answer goes on to the cassette, mock or server (none: the run fails,
    // saying why).
    const upstream = replay?.transport ?? (stubsOnly ? undefined : defaultTransport(env.target, serverUrl));
    const stubbed =
      s.mock.responses.length > 0
        ? stubTransport(s.mock.responses, basePathOf(env.target), upstream)
        : remote || replay
          ? upstream
          : undefined;
    // With no mock to record what arrived, record what the flow sent.
    const transport = stubbed && !mock ? recording(stubbed, sent) : stubbed;
    const run = (step: ScenarioStep, httpTimeoutMs?: number, retry?: Scenario['retry']) =>
      runWithRetry(
        {
          target: env.target,
          flow: selectFlow(
            env.target,
            step.authping ? { authping: true } : { action: step.action as string },
          ),
          options: step.options,
          inputs: step.inputs,
          connection,
          serverUrl,
          sleep: env.sleep ?? fastSleep,
          ...(transport ? { transport } : {}),
          ...(httpTimeoutMs !== undefined ? { httpTimeoutMs } : {}),
        },
        retry,
      );
    // Setup steps run before faults are armed, so `nth: 1` means the scenario's own first request.
    const setupOutputs: Array<Record<string, unknown>> = [];
    const base = { connection, inputs: {}, options: {} };
    for (const [i, step] of s.setup.entries()) {
      const r = await run({
        ...step,
        inputs: expandPlaceholders(step.inputs, { ...base, setup: setupOutputs }),
      });
      if (replay?.problems.length) return done(replay.problems);
      if (!r.ok)
        return done(
          [],
          `setup step ${i + 1} (${step.action ?? 'authping'}) failed: ${formatFlowError(r.error).trim()}`,
        );
      setupOutputs.push(r.outputs);
    }
    for (const fault of s.mock.faults) mock?.addFault(fault);
    const inputs = expandPlaceholders(s.inputs, { ...base, setup: setupOutputs });
    const result = await run({ ...s, inputs }, s.mock.httpTimeoutMs, s.retry);
    if (s.mock.settle) await mock?.settle();
    const scope = { connection, inputs, options: s.options, setup: setupOutputs };
    // A request that left the recording ends the run; the flow's own failure would only repeat it.
    if (replay?.problems.length) return done(replay.problems);
    const seen = mock ? mock.requests().map(recordedRequest) : sent;
    return done([
      ...check({ ...s, expect: expandPlaceholders(s.expect, scope) }, result, seen, mock),
      ...(replay?.unused() ?? []),
    ]);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UserError) return done([], error.message);
    if (error instanceof CassetteError) return done([], error.message);
    if (error instanceof DiagnosticsError) {
      return done(
        [],
        `mock.seed: ${error.diagnostics.map((d) => `${d.pointer ?? ''} ${d.message}`.trim()).join('; ')}`,
      );
    }
    throw error;
  } finally {
    await own?.cleanup();
  }
}

/** A problem with the scenario's cassette file (missing, malformed), reported as the scenario's problem. */
class CassetteError extends Error {}

/** The scenario's cassette (relative to the scenario file) replayed, with the run's secrets masked as recorded. */
async function cassetteReplay(s: Scenario, target: Target, connection: Connection): Promise<Replay> {
  const file = resolve(dirname(s.path ?? s.file), s.mock.cassette!);
  const shown = join(dirname(s.file), s.mock.cassette!);
  let cassette;
  try {
    cassette = await loadCassette(file, shown);
  } catch (error) {
    if (error instanceof DiagnosticsError)
      throw new CassetteError(
        `mock.cassette: ${error.diagnostics.map((d) => `${d.file}:${d.line ?? 1}:${d.column ?? 1} ${d.message}`).join('; ')}`,
      );
    throw error;
  }
  const secrets = connectionSecrets(connection, secretConnectionKeys(target.spec, connection));
  return replayCassette(cassette, secrets, s.mock.cassette!);
}

/** Where a stubs-only run "sends": the stub transport answers every request itself, so nothing is sent here. */
const STUBS_ONLY_SERVER = 'http://127.0.0.1:9';

function defaultTransport(target: Target, url: string): HttpTransport {
  return createHttpTransport({ rewrite: originsToRewrite(target).map((from) => ({ from, to: url })) });
}

/** The path of the spec's base URL (placeholders kept as they are), which stub paths may leave out. */
function basePathOf(target: Target): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+(\/[^?#]*)?/i.exec(target.spec?.baseUrl ?? '');
  return m?.[1] ?? '';
}

/**
 * Without a mock to record what arrived, record what the flow sent; sentRequest redacts it, keeping only the
 * Basic-auth username as the mock does.
 */
function recording(inner: HttpTransport, into: Array<Record<string, unknown>>): HttpTransport {
  return async (req, opts) => {
    try {
      const res = await inner(req, opts);
      into.push(sentRequest(req, res.status));
      return res;
    } catch (error) {
      into.push(sentRequest(req, 0));
      throw error;
    }
  };
}

/** What only the embedded mock can do; such scenarios cannot run against --base-url. */
function mockOnlyFeatures(s: Scenario): string[] {
  return [
    s.mock.faults.length > 0 ? 'mock.faults' : '',
    s.mock.seed !== undefined ? 'mock.seed' : '',
    s.mock.settle ? 'mock.settle' : '',
    s.expect.messages ? 'expect.messages' : '',
  ].filter(Boolean);
}

/** `seen`: the requests as the mock saw them, or as the flow sent them when there is no mock. */
function check(
  s: Scenario,
  result: FlowResult,
  seen: Array<Record<string, unknown>>,
  mock?: EmbeddedMock,
): Mismatch[] {
  const out: Mismatch[] = [];
  const e = s.expect;
  if (e.error) {
    if (result.ok) {
      out.push({
        path: 'error',
        expected: e.error,
        actual: { outputs: result.outputs },
        message: 'expected the flow to fail, but it succeeded',
      });
    } else {
      out.push(...matchValue(e.error, { ...result.error }, 'error'));
    }
  } else if (!result.ok) {
    out.push({
      path: 'result',
      expected: 'success',
      actual: formatFlowError(result.error).trim(),
      message: 'the flow failed',
    });
  }
  if (e.outputs && result.ok) out.push(...matchValue(e.outputs, result.outputs, 'outputs'));
  if (Object.hasOwn(e, 'cursor') && result.ok)
    out.push(...matchValue(e.cursor, result.cursor?.value, 'cursor'));
  if (e.stopped !== undefined && result.ok && e.stopped !== (result.stopped === true))
    out.push({
      path: 'stopped',
      expected: e.stopped,
      actual: result.stopped === true,
      message: e.stopped
        ? 'expected the filter to drop the delivery, but the flow returned outputs'
        : "the flow stopped at a Continue If: the event's filter dropped the delivery",
    });
  if (e.requests && e.requests.length === 0 && seen.length > 0) {
    // `requests: []` means the flow must not have called the API at all.
    out.push({ path: 'requests', expected: [], actual: seen, message: 'expected no requests' });
  } else if (e.requests) {
    const expected = e.requests;
    out.push(...matchOrderedSubset(expected, seen, 'requests', matchRequest));
  }
  if (e.messages && mock) {
    out.push(
      ...matchOrderedSubset(e.messages, mock.messages(), 'messages', (x, a, p) => matchValue(x, a, p)),
    );
  }
  return out;
}

/** A mock of its own for a scenario with `mock.seed` (a file next to the scenario, or inline). */
async function mockWithSeed(
  s: Scenario,
  lifecycleStepMs: number | undefined,
): Promise<{ mock: EmbeddedMock; cleanup: () => Promise<void> }> {
  let seedFile: string;
  let tmp: string | undefined;
  if (typeof s.mock.seed === 'string') {
    seedFile = resolve(dirname(s.file), s.mock.seed);
  } else {
    tmp = await mkdtemp(join(tmpdir(), 'okta-connector-seed-'));
    seedFile = join(tmp, 'seed.json');
    await writeFile(seedFile, JSON.stringify(s.mock.seed));
  }
  try {
    const mock = await startEmbeddedMock({
      seedFile,
      ...(lifecycleStepMs !== undefined ? { lifecycleStepMs } : {}),
    });
    return {
      mock,
      cleanup: async () => {
        await mock.close();
        if (tmp) await rm(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (tmp) await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
