import type { RecordedRequest } from '../mock/http/record.js';
import type { FlowResult } from '../simulate/types.js';
import type { Connection } from './connection.js';
import { startEmbeddedMock } from './embedded-mock.js';
import { runWithRetry, type RetryPolicy } from './execute.js';
import type { Target, TargetFlow } from './target.js';

export interface SimulationRequest {
  target: Target;
  flow: TargetFlow;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>;
  connection: Connection;
  /** A Twilio-compatible server to run against; without it, the embedded mock (started and stopped here). */
  baseUrl?: string;
  /** Seed file (absolute path) for the embedded mock. */
  mockSeedFile?: string;
  httpTimeoutMs?: number;
  retry?: RetryPolicy;
}

/**
 * One simulated run of a flow, as `simulate` does it: against the embedded mock (or `baseUrl`), retried as the
 * retry setting says. Returns the result and, with the mock, the requests it saw.
 */
export async function simulateTargetFlow(
  req: SimulationRequest,
): Promise<{ result: FlowResult; requests: RecordedRequest[] }> {
  const mock =
    req.baseUrl === undefined
      ? await startEmbeddedMock(req.mockSeedFile ? { seedFile: req.mockSeedFile } : {})
      : undefined;
  try {
    const result = await runWithRetry(
      {
        target: req.target,
        flow: req.flow,
        options: req.options,
        inputs: req.inputs,
        connection: req.connection,
        serverUrl: req.baseUrl ?? mock!.url,
        ...(req.httpTimeoutMs !== undefined ? { httpTimeoutMs: req.httpTimeoutMs } : {}),
      },
      req.retry,
    );
    return { result, requests: mock?.requests() ?? [] };
  } finally {
    await mock?.close();
  }
}
