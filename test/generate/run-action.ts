import { CONNECTION_INPUT_KEY } from '../../src/connector/contract.js';
import { generateConnector } from '../../src/generate/index.js';
import { runFlow, type FlowResult, type HttpRequest, type HttpResponse } from '../../src/simulate/index.js';
import type { ConnectorSpec } from '../../src/spec/types.js';

/**
 * Builds `spec`, runs one of its flows in the simulator with `values` (connection under `auth`), the service
 * answering `respond` (default 200 {}); returns the result and the requests the flows sent.
 */
export async function runBuilt(
  spec: ConnectorSpec,
  flow: string,
  values: Record<string, unknown>,
  connection: Record<string, unknown> = { username: 'u', password: 'p', accountId: 'A1' },
  respond: (req: HttpRequest) => HttpResponse = () => ({ status: 200, headers: {}, body: '{}' }),
): Promise<{ result: FlowResult; requests: HttpRequest[] }> {
  const built = generateConnector(spec);
  const requests: HttpRequest[] = [];
  const result = await runFlow(
    built.flopack,
    flow,
    { [CONNECTION_INPUT_KEY]: connection, ...values },
    { transport: async (req) => (requests.push(req), respond(req)) },
  );
  return { result, requests };
}
