import type { RecordedRequest } from '../mock/http/record.js';
import type { FlowResult } from '../simulate/types.js';
import type { Connection } from './connection.js';
import { UsageError } from '../errors.js';
import { runWithRetry, type RetryPolicy, type RunFlowRequest } from './execute.js';
import { noMockReason, startOfflineMock, type MockChoice } from './offline-mock.js';
import type { Target, TargetFlow } from './target.js';

export interface SimulationRequest {
  target: Target;
  flow: TargetFlow;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>;
  connection: Connection;
  /** A server to run against; without it, `mock` (started and stopped here). */
  baseUrl?: string;
  /** The mock to run against without `baseUrl` (offline-mock.ts chooses it); neither is a usage error. */
  mock?: MockChoice;
  httpTimeoutMs?: number;
  retry?: RetryPolicy;
  /** Sees every exchange (a cassette recorder): see RunFlowRequest.wrapTransport. */
  wrapTransport?: RunFlowRequest['wrapTransport'];
}

/**
 * One simulated run of a flow, as `simulate` does it: against `baseUrl` or the chosen mock, retried as the retry
 * setting says. Returns the result and, with the mock Twilio, the requests it saw. `connection` should already
 * hold the mock's defaults where the user gave none (`mockDefaults`).
 */
export async function simulateTargetFlow(
  req: SimulationRequest,
): Promise<{ result: FlowResult; requests: RecordedRequest[] }> {
  if (req.baseUrl === undefined && req.mock === undefined) throw new UsageError(noMockReason(req.target));
  const mock = req.baseUrl === undefined ? await startOfflineMock(req.mock!, req.target.spec) : undefined;
  try {
    const result = await runWithRetry(
      {
        target: req.target,
        flow: req.flow,
        options: req.options,
        inputs: req.inputs,
        connection: req.connection,
        serverUrl: req.baseUrl ?? mock!.url,
        ...(mock ? { origins: mock.origins } : {}),
        ...(req.httpTimeoutMs !== undefined ? { httpTimeoutMs: req.httpTimeoutMs } : {}),
        ...(req.wrapTransport ? { wrapTransport: req.wrapTransport } : {}),
      },
      req.retry,
    );
    return { result, requests: mock?.requests() ?? [] };
  } finally {
    await mock?.close();
  }
}
