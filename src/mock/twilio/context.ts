import type { RequestLog } from '../http/record.js';
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
  requests: RequestLog;
  callbacks: CallbackDelivery[];
  lifecycle: LifecycleDeps;
  now(): Date;
  log?: (line: string) => void;
  /** Sleeps that can be cut short when the mock closes (slow / timeout faults). */
  sleep(ms: number): Promise<void>;
  reset(): void;
  bodyLimit: number;
  bodyTimeoutMs: number;
}
