import { listenLocal } from '../http/listen.js';
import { RequestLog, type RecordedRequest } from '../http/record.js';
import type { MockContext } from './context.js';
import { DEFAULT_TWILIO_SEED } from './defaults.js';
import { FaultTable, checkFault, type FaultSpec } from './faults.js';
import { allMessages } from './inspect.js';
import type { MessageResource } from './message.js';
import { Scheduler } from './scheduler.js';
import type { TwilioSeed } from './seed.js';
import { createHandler } from './server.js';
import { buildState, clearMessages } from './state.js';
import { postStatusCallback, type CallbackDelivery } from './status-callback.js';

export type { RecordedRequest, FaultSpec, MessageResource, TwilioSeed, CallbackDelivery };
export { DEFAULT_CREDENTIALS, DEFAULT_TWILIO_SEED, loadTwilioSeed } from './defaults.js';
export { checkTwilioSeed } from './seed-file.js';

export interface StartMockTwilioOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default DEFAULT_TWILIO_SEED. */
  seed?: TwilioSeed;
  /** One line per request: `METHOD /path STATUS 3ms` (no credentials). Not called when absent. */
  log?: (line: string) => void;
  /** Delay between lifecycle steps (queued → sending → sent → delivered). Default 20 ms. */
  lifecycleStepMs?: number;
  /** The clock for dates in resources and relative seed times. Default: the real clock. */
  now?: () => Date;
  /** Largest request body accepted (413 beyond). Default 256 KiB. */
  bodyLimitBytes?: number;
  /** How long a client may take to send its body (408 beyond). Default 10 s. */
  bodyTimeoutMs?: number;
}

export interface MockTwilio {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  /** Every API request in order (not /__mock/*), Authorization redacted. */
  requests(): RecordedRequest[];
  /** Stored messages in creation order, optionally of one account. */
  messages(accountSid?: string): MessageResource[];
  /** Status callbacks made (or skipped because the URL was not loopback), in order. */
  callbacks(): CallbackDelivery[];
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
  const state = buildState(options.seed ?? DEFAULT_TWILIO_SEED, now());
  const scheduler = new Scheduler();
  const sleepers = new Set<() => void>();
  const ctx: MockContext = {
    state,
    scheduler,
    faults: new FaultTable(),
    requests: new RequestLog(),
    callbacks: [],
    now,
    log: options.log,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    lifecycle: {
      scheduler,
      stepMs: options.lifecycleStepMs ?? 20,
      now,
      notify: (account, msg, params) => {
        if (!msg.statusCallback) return;
        const sent = postStatusCallback(msg.statusCallback, params, account.authToken).then((d) => {
          ctx.callbacks.push(d);
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
        const timer = setTimeout(wake, ms);
        sleepers.add(wake);
      }),
    reset: () => {
      scheduler.cancelAll();
      clearMessages(state);
      ctx.requests.clear();
      ctx.callbacks.length = 0;
      ctx.faults.clear();
    },
  };
  const server = await listenLocal(createHandler(ctx), { host: options.host, port: options.port });
  return {
    url: server.url,
    port: server.port,
    requests: () => ctx.requests.list(),
    messages: (accountSid) => allMessages(ctx, accountSid),
    callbacks: () => [...ctx.callbacks],
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
