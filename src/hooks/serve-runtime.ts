import { DEFAULT_OKTA_DOMAIN, DEFAULT_OKTA_TOKEN, startMockOkta, type MockOkta } from '../mock/okta/index.js';
import { DEFAULT_CREDENTIALS, startMockTwilio, type MockTwilio } from '../mock/twilio/index.js';
import { OPT_IN_CARDS, createHttpTransport, runFlow, type HttpTransport } from '../simulate/index.js';
import { UserError } from '../errors.js';
import type { ConnectionValues } from './connections.js';
import { connectionsFor, type ServedFlow } from './served-flows.js';
import { startHookServer, type HookEndpoint, type HookRequestReport, type HookServer } from './serve.js';

/** Everything `hook serve` runs: the endpoint server, the simulator per request, and optionally the mocks. */
export interface ServeOptions {
  flows: ServedFlow[];
  clientToken: string;
  /** Real connection values; when absent, mock Okta and mock Twilio start in-process and are used instead. */
  connections?: ConnectionValues;
  eventHook?: {
    secret: string;
    /** Flow name or alias the new events of each delivery go to. */ forwardTo?: string;
  };
  port?: number;
  budgetMs?: number;
  onReport?: (report: HookRequestReport) => void;
}

export interface ServeHandle {
  server: HookServer;
  mocks?: { okta: MockOkta; twilio: MockTwilio };
  close(): Promise<void>;
}

export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  let mocks: ServeHandle['mocks'];
  let values = options.connections;
  let transport: HttpTransport;
  if (values) transport = createHttpTransport();
  else {
    const [okta, twilio] = await Promise.all([startMockOkta(), startMockTwilio()]);
    mocks = { okta, twilio };
    values = embeddedConnections(options.flows);
    transport = createHttpTransport({
      rewrite: [
        { from: `https://${DEFAULT_OKTA_DOMAIN}`, to: okta.url },
        { from: 'https://api.twilio.com', to: twilio.url },
      ],
    });
  }
  const connectionValues = values;
  const endpoint = (flow: ServedFlow): HookEndpoint => ({
    alias: flow.alias,
    name: flow.flo.name,
    source: flow.source,
    run: (req) =>
      runFlow(
        flow.flopack,
        flow.flo.id,
        { body: req.body, headers: req.headers, query: req.rawQuery },
        {
          transport,
          connections: connectionsFor(flow.flopack, connectionValues),
          extraCards: OPT_IN_CARDS,
          collectTrace: false,
        },
      ),
  });
  const endpoints = options.flows.map(endpoint);
  let forward: HookEndpoint | undefined;
  const target = options.eventHook?.forwardTo;
  if (target !== undefined) {
    forward = endpoints.find((e) => e.name === target || e.alias === target);
    if (!forward) {
      await closeMocks(mocks);
      const names = endpoints.map((e) => `"${e.name}"`).join(', ');
      throw new UserError(`no served flow is named "${target}" (served: ${names})`);
    }
  }
  let server: HookServer;
  try {
    server = await startHookServer({
      endpoints,
      clientToken: options.clientToken,
      eventHook: options.eventHook ? { secret: options.eventHook.secret, forward } : undefined,
      port: options.port,
      budgetMs: options.budgetMs,
      onReport: options.onReport,
    });
  } catch (error) {
    await closeMocks(mocks);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UserError(`port ${options.port} is in use; pick another with --port`);
    throw error;
  }
  return {
    server,
    mocks,
    close: async () => {
      await server.settle();
      await server.close();
      await closeMocks(mocks);
    },
  };
}

/** Mock credentials for every connection placeholder: Okta configs get the mock org, the rest the mock Twilio key. */
function embeddedConnections(flows: ServedFlow[]): ConnectionValues {
  const out: ConnectionValues = {};
  for (const { flopack } of flows)
    for (const c of Object.values(flopack.data.configs ?? {}))
      out[c.name] =
        c.module === 'okta'
          ? { domain: DEFAULT_OKTA_DOMAIN, token: DEFAULT_OKTA_TOKEN }
          : { username: DEFAULT_CREDENTIALS.apiKeySid, password: DEFAULT_CREDENTIALS.apiKeySecret };
  return out;
}

async function closeMocks(mocks: ServeHandle['mocks']): Promise<void> {
  if (!mocks) return;
  await Promise.all([mocks.okta.close(), mocks.twilio.close()]);
}
