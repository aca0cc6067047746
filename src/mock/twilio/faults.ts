/** The operations a fault may target (`*`: any); the one list, read by the scenario loader too. */
export const FAULT_ROUTES = [
  'messages.create',
  'messages.fetch',
  'messages.list',
  'messages.update',
  'messages.delete',
  'incomingPhoneNumbers.list',
  'incomingPhoneNumbers.fetch',
  'incomingPhoneNumbers.update',
  '*',
] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];
/** What a fault does. */
export const FAULT_KINDS = ['rate-limit', 'server-error', 'slow', 'timeout'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  route?: FaultRoute;
  /** 1-based among requests matching `route`, counted from when the fault was added; default: every one. */
  nth?: number;
  /** How many times it fires; default 1 when `nth` is set, unlimited otherwise. */
  times?: number;
  kind: FaultKind;
  /** server-error: the HTTP status, default 500. */
  status?: number;
  /** rate-limit: the Retry-After value, default 1. */
  retryAfterSeconds?: number;
  /** slow: wait this long, then answer normally (default 1000). timeout: cut the connection after this long
   * without answering (default: hold it until the client gives up or the mock closes). */
  delayMs?: number;
}

const ROUTES = new Set<string>(FAULT_ROUTES);
const KINDS = new Set<string>(FAULT_KINDS);

interface ActiveFault {
  spec: FaultSpec;
  seen: number;
  fired: number;
}

/** Faults to inject, checked in the order they were added; the first that fires wins. */
export class FaultTable {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec: checkFault(spec), seen: 0, fired: 0 });
  }
  clear(): void {
    this.faults = [];
  }
  list(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f.spec }));
  }
  /** Counts this request against every matching fault and returns the one that fires, if any. */
  take(route: Exclude<FaultRoute, '*'>): FaultSpec | undefined {
    if (this.faults.length === 0) return undefined;
    let hit: FaultSpec | undefined;
    for (const f of this.faults) {
      const r = f.spec.route ?? '*';
      if (r !== '*' && r !== route) continue;
      f.seen += 1;
      const limit = f.spec.times ?? (f.spec.nth === undefined ? Infinity : 1);
      if (hit || f.fired >= limit || (f.spec.nth !== undefined && f.seen < f.spec.nth)) continue;
      f.fired += 1;
      hit = f.spec;
    }
    return hit;
  }
}

/** Validates a fault (it may come from JSON over HTTP); throws a plain Error naming the bad field. */
export function checkFault(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('a fault must be a JSON object with at least "kind"');
  const f = input as Record<string, unknown>;
  if (typeof f.kind !== 'string' || !KINDS.has(f.kind))
    throw new Error(`"kind" must be one of ${[...KINDS].join(', ')}`);
  if (f.route !== undefined && (typeof f.route !== 'string' || !ROUTES.has(f.route)))
    throw new Error(`"route" must be one of ${[...ROUTES].join(', ')}`);
  for (const key of ['nth', 'times', 'retryAfterSeconds', 'delayMs'] as const) {
    const v = f[key];
    if (
      v !== undefined &&
      (!Number.isInteger(v) || (v as number) < (key === 'nth' || key === 'times' ? 1 : 0))
    )
      throw new Error(
        `"${key}" must be a ${key === 'nth' || key === 'times' ? 'positive' : 'non-negative'} integer`,
      );
  }
  if (
    f.status !== undefined &&
    (!Number.isInteger(f.status) || (f.status as number) < 500 || (f.status as number) > 599)
  )
    throw new Error('"status" must be a 5xx HTTP status');
  return { ...(f as unknown as FaultSpec) };
}
