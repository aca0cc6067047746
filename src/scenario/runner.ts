import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DiagnosticsError, UsageError, UserError } from '../errors.js';
import type { Connection } from '../run-connector/connection.js';
import { mockConnection, startEmbeddedMock, type EmbeddedMock } from '../run-connector/embedded-mock.js';
import { runWithRetry } from '../run-connector/execute.js';
import { formatFlowError } from '../run-connector/format.js';
import { checkFields, selectFlow } from '../run-connector/select.js';
import type { Target } from '../run-connector/target.js';
import type { FlowResult } from '../simulate/types.js';
import { expandPlaceholders, recordedRequest } from './expect-requests.js';
import { matchOrderedSubset, matchValue, type Mismatch } from './match.js';
import type { Scenario, ScenarioResult, ScenarioStep } from './types.js';

export interface ScenarioEnv {
  target: Target;
  /** A mock with the default seed, shared by scenarios that bring no seed of their own (reset before each). */
  mock: EmbeddedMock;
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
    own = s.mock.seed !== undefined ? await mockWithSeed(s, env.lifecycleStepMs) : undefined;
    const mock = own?.mock ?? env.mock;
    if (!own) {
      mock.reset();
      mock.clearFaults();
    }
    const connection: Connection = s.connection ?? (await mockConnection());
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
          serverUrl: mock.url,
          sleep: env.sleep ?? fastSleep,
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
      if (!r.ok)
        return done(
          [],
          `setup step ${i + 1} (${step.action ?? 'authping'}) failed: ${formatFlowError(r.error).trim()}`,
        );
      setupOutputs.push(r.outputs);
    }
    for (const fault of s.mock.faults) mock.addFault(fault);
    const inputs = expandPlaceholders(s.inputs, { ...base, setup: setupOutputs });
    const result = await run({ ...s, inputs }, s.mock.httpTimeoutMs, s.retry);
    if (s.mock.settle) await mock.settle();
    const scope = { connection, inputs, options: s.options, setup: setupOutputs };
    return done(check({ ...s, expect: expandPlaceholders(s.expect, scope) }, result, mock));
  } catch (error) {
    if (error instanceof UsageError || error instanceof UserError) return done([], error.message);
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

function check(s: Scenario, result: FlowResult, mock: EmbeddedMock): Mismatch[] {
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
  if (e.requests && e.requests.length === 0 && mock.requests().length > 0) {
    // `requests: []` means the flow must not have called the API at all.
    out.push({
      path: 'requests',
      expected: [],
      actual: mock.requests().map(recordedRequest),
      message: 'expected no requests',
    });
  } else if (e.requests) {
    const expected = e.requests;
    const seen = mock.requests().map(recordedRequest);
    out.push(
      ...matchOrderedSubset(expected, seen, 'requests', (x, a, p) => {
        const { headers, ...rest } = x as Record<string, unknown>;
        const actual = a as Record<string, unknown>;
        return [
          ...matchValue(rest, actual, p),
          ...(headers === undefined ? [] : matchValue(headers, actual.headers, `${p}.headers`, true)),
        ];
      }),
    );
  }
  if (e.messages) {
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
