import type { BoundAddress } from '../http/control.js';
import type { RequestLog } from '../http/record.js';
import type { RawRequest, Redactor } from '../http/redactor.js';
import type { FaultTable } from './faults.js';
import type { LifecycleDeps } from './lifecycle.js';
import type { Scheduler } from './scheduler.js';
import type { MockState } from './state.js';
import type { CallbackDelivery } from './status-callback.js';

/** Everything one running mock holds; the server, inspection endpoints and the public API share it. */
export interface MockContext {
  state: MockState;
  scheduler: Scheduler;
  faults: FaultTable;
  /** API requests as received (raw); shown only through `redactor`. */
  requests: RequestLog<RawRequest>;
  redactor: Redactor;
  /** Status callbacks made, in a ring as bounded as the request log. */
  callbacks: RequestLog<CallbackDelivery>;
  lifecycle: LifecycleDeps;
  now(): Date;
  log?: (line: string) => void;
  /** Sleeps that can be cut short when the mock closes (slow / timeout faults). */
  sleep(ms: number): Promise<void>;
  reset(): void;
  bodyLimit: number;
  bodyTimeoutMs: number;
  /** Where the mock listens, once it does: `/__mock/*` answers only requests addressed to it. */
  bound: BoundAddress;
}
