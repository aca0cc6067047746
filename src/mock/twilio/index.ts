import type { CredentialLocation } from '../http/credentials.js';
import { listenLocal } from '../http/listen.js';
import { DEFAULT_REQUEST_LOG_SIZE, RequestLog, type RecordedRequest } from '../http/record.js';
import { Redactor, type RawRequest } from '../http/redactor.js';
import type { MockContext } from './context.js';
import { DEFAULT_TWILIO_SEED } from './defaults.js';
import { FaultTable, checkFault, type FaultSpec } from './faults.js';
import { allMessages, statsOf, type MockTwilioStats } from './inspect.js';
import type { MessageResource } from './message.js';
import { Scheduler } from './scheduler.js';
import type { TwilioSeed } from './seed.js';
import { createHandler } from './server.js';
import { buildState, clearMessages } from './state.js';
import { postStatusCallback, type CallbackDelivery } from './status-callback.js';
import { DEFAULT_MAX_MESSAGES, MessageStore } from './store.js';
import { timerDelay } from '../../util/timers.js';

export type {
  RecordedRequest,
  FaultSpec,
  MessageResource,
  TwilioSeed,
  CallbackDelivery,
  CredentialLocation,
  MockTwilioStats,
};
export { DEFAULT_CREDENTIALS, DEFAULT_TWILIO_SEED, loadTwilioSeed } from './defaults.js';
export { checkTwilioSeed } from './seed-file.js';
export { DEFAULT_MAX_MESSAGES } from './store.js';
export { DEFAULT_REQUEST_LOG_SIZE } from '../http/record.js';

export interface StartMockTwilioOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default DEFAULT_TWILIO_SEED. */
  seed?: TwilioSeed;
  /** One line per request: `METHOD /path STATUS 3ms` (no credentials). Not called when absent. */
  log?: (line: string) => void;
  /** Operational notices, e.g. that the message cap was reached (once per eviction burst). Default: `log`. */
  notice?: (line: string) => void;
  /** Delay between lifecycle steps (queued → sending → sent → delivered). Default 20 ms. */
  lifecycleStepMs?: number;
  /** The clock for dates in resources and relative seed times. Default: the real clock. */
  now?: () => Date;
  /** Largest request body accepted (413 beyond). Default 256 KiB. */
  bodyLimitBytes?: number;
  /** How long a client may take to send its body (408 beyond). Default 10 s. */
  bodyTimeoutMs?: number;
  /** Messages kept (all accounts together) before the oldest are evicted. Default: the seed's, else 10,000. */
  maxMessages?: number;
  /** Requests (and status callbacks) the log keeps, oldest dropped first. Default: the seed's, else 10,000. */
  maxLoggedRequests?: number;
  /**
   * Where the connector under test puts credentials besides those recognised by name (Authorization,
   * `X-API-Key`, `?access_token=`, `password=`...): e.g. its custom-auth header or query parameter. Values
   * found there are hidden in the request log, `/__mock/requests` and the console log, wherever they travel.
   */
  credentialLocations?: readonly CredentialLocation[];
  /** Secret values to hide wherever they appear (e.g. the connection's password parameters). */
  secrets?: readonly string[];
}

export interface MockTwilio {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  /** The API requests kept (not /__mock/*), oldest first, credentials redacted. */
  requests(): RecordedRequest[];
  /** Stored messages in creation order, optionally of one account. */
  messages(accountSid?: string): MessageResource[];
  /** Status callbacks made (or skipped because the URL was not loopback), in order. */
  callbacks(): CallbackDelivery[];
  /** How much the mock holds, and how much it evicted or dropped to stay bounded. */
  stats(): MockTwilioStats;
  /** Messages, requests, callbacks and faults cleared; seed kept. */
  reset(): void;
  addFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Waits until all pending lifecycle transitions and status callbacks are done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the mock Twilio Messages API on a loopback port (in-process; the CLI's `mock twilio` wraps it). */
export async function startMockTwilio(options: StartMockTwilioOptions = {}): Promise<MockTwilio> {
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? DEFAULT_TWILIO_SEED;
  const notice = options.notice ?? options.log;
  const store = new MessageStore(options.maxMessages ?? seed.maxMessages ?? DEFAULT_MAX_MESSAGES, notice);
  const state = buildState(seed, now(), store);
  const logSize = options.maxLoggedRequests ?? seed.maxLoggedRequests ?? DEFAULT_REQUEST_LOG_SIZE;
  const scheduler = new Scheduler();
  const sleepers = new Set<() => void>();
  const ctx: MockContext = {
    state,
    scheduler,
    faults: new FaultTable(),
    requests: new RequestLog<RawRequest>(logSize),
    redactor: new Redactor({
      locations: options.credentialLocations,
      secrets: [...seedSecrets(seed), ...(options.secrets ?? [])],
    }),
    callbacks: new RequestLog<CallbackDelivery>(logSize),
    now,
    log: options.log,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    bound: { host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
    lifecycle: {
      scheduler,
      stepMs: options.lifecycleStepMs ?? 20,
      now,
      notify: (account, msg, params) => {
        if (!msg.statusCallback) return;
        const sent = postStatusCallback(msg.statusCallback, params, account.authToken).then((d) => {
          ctx.callbacks.add(d);
        });
        scheduler.track(sent);
      },
    },
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          sleepers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timerDelay(ms));
        sleepers.add(wake);
      }),
    reset: () => {
      scheduler.cancelAll();
      clearMessages(state);
      ctx.requests.clear();
      ctx.callbacks.clear();
      ctx.faults.clear();
    },
  };
  const server = await listenLocal(createHandler(ctx), { host: options.host, port: options.port });
  ctx.bound = { host: server.host, port: server.port };
  return {
    url: server.url,
    port: server.port,
    requests: () => ctx.redactor.records(ctx.requests.list()),
    messages: (accountSid) => allMessages(ctx, accountSid),
    callbacks: () => ctx.callbacks.list(),
    stats: () => statsOf(ctx),
    reset: ctx.reset,
    addFault: (fault) => ctx.faults.add(checkFault(fault)),
    clearFaults: () => ctx.faults.clear(),
    settle: () => scheduler.settle(),
    close: async () => {
      scheduler.cancelAll();
      for (const wake of [...sleepers]) wake();
      await server.close();
    },
  };
}

/** The seed's auth tokens and API key secrets: hidden wherever they travel. */
function seedSecrets(seed: TwilioSeed): string[] {
  return seed.accounts.flatMap((a) => [a.authToken, ...(a.apiKeys ?? []).map((k) => k.secret)]);
}
