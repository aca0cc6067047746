import { basename, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { startEmbeddedMock } from '../run/embedded-mock.js';
import { chooseMock, noMockReason, startOfflineMock } from '../run/offline-mock.js';
import type { Target } from '../run/target.js';
import { scenarioFiles } from './files.js';
import { loadScenarioFile } from './load.js';
import { runScenario, type ScenarioEnv } from './runner.js';
import type { Scenario, SuiteResult } from './types.js';

export { scenarioFiles };

export interface SuiteOptions {
  /** Only scenarios whose name or file name contains this (case-insensitive). */
  filter?: string;
  sleep?: ScenarioEnv['sleep'];
  /** How paths are shown (relative to this folder). */
  cwd: string;
  /** Lifecycle step of the embedded mocks; small keeps `settle` quick. */
  lifecycleStepMs?: number;
  /** Run against this server instead of the embedded mock (see ScenarioEnv.remote). */
  remote?: ScenarioEnv['remote'];
  /** Run against a mock of this OpenAPI description (absolute path) instead of the spec's `mock`. */
  openapi?: string;
}

/**
 * Loads every scenario first (all problems reported together, each with file:line:col), then runs the selected
 * ones in file order against one embedded mock (reset between scenarios).
 */
export async function runSuite(
  target: Target,
  connectorDir: string,
  opts: SuiteOptions,
): Promise<SuiteResult> {
  const files = await scenarioFiles(connectorDir);
  const scenarios: Scenario[] = [];
  const problems: Diagnostic[] = [];
  for (const file of files) {
    try {
      scenarios.push(await loadScenarioFile(file, shown(file, opts.cwd)));
    } catch (error) {
      if (error instanceof DiagnosticsError) problems.push(...error.diagnostics);
      else throw error;
    }
  }
  if (problems.length > 0) throw new DiagnosticsError(problems);
  const needle = opts.filter?.toLowerCase();
  const selected = needle
    ? scenarios.filter(
        (s) => s.name.toLowerCase().includes(needle) || basename(s.file).toLowerCase().includes(needle),
      )
    : scenarios;
  const started = performance.now();
  // Without --base-url the spec (or --openapi) names the mock; with none, nothing runs against Twilio by accident.
  const choice = opts.remote
    ? undefined
    : chooseMock(target, opts.openapi ? { openapi: opts.openapi } : {}, opts.cwd);
  const results = [];
  if (!opts.remote && !choice) {
    // No server: scenarios whose every request is stubbed (mock.responses) or recorded (mock.cassette) still run;
    // the others are skipped.
    const reason = noMockReason(target);
    for (const s of selected) {
      results.push(
        s.mock.responses.length > 0 || s.mock.cassette !== undefined
          ? await runScenario(s, { target, ...(opts.sleep ? { sleep: opts.sleep } : {}) })
          : { file: s.file, name: s.name, ok: true, ms: 0, mismatches: [], skipped: reason },
      );
    }
  } else {
    // A mock of an OpenAPI description is a server like any other: scenarios run as they do with --base-url.
    const openapi = choice?.kind === 'openapi' ? await startOfflineMock(choice, target.spec) : undefined;
    const remote =
      opts.remote ?? (openapi ? { url: openapi.url, connection: openapi.connection } : undefined);
    const mock = remote ? undefined : await startEmbeddedMock({ lifecycleStepMs: opts.lifecycleStepMs ?? 5 });
    try {
      for (const s of selected) {
        results.push(
          await runScenario(s, {
            target,
            ...(mock ? { mock } : {}),
            ...(remote ? { remote } : {}),
            lifecycleStepMs: opts.lifecycleStepMs ?? 5,
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
          }),
        );
      }
    } finally {
      await mock?.close();
      await openapi?.close();
    }
  }
  const skipped = results.filter((r) => r.skipped !== undefined).length;
  const passed = results.filter((r) => r.ok && r.skipped === undefined).length;
  return {
    connector: target.spec?.name ?? basename(connectorDir),
    results,
    passed,
    failed: results.length - passed - skipped,
    skipped,
    ms: Math.round(performance.now() - started),
  };
}

function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
