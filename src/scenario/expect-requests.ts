import type { RecordedRequest } from '../mock/http/record.js';

/** A recorded request in the shape scenarios compare against (`expect.requests`). */
export function recordedRequest(r: RecordedRequest): Record<string, unknown> {
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    form: r.form ?? {},
    headers: r.headers,
    status: r.status,
    ...(r.authUser !== undefined ? { authUser: r.authUser } : {}),
  };
}

export interface PlaceholderScope {
  connection: Record<string, unknown>;
  inputs: Record<string, unknown>;
  options: Record<string, unknown>;
  /** Outputs of the scenario's setup steps, in order. */
  setup: Array<Record<string, unknown>>;
}

const PLACEHOLDER = /\$\{(connection|inputs|options|setup)\.([^}]+)\}/g;

function lookup(scope: PlaceholderScope, source: string, key: string): unknown {
  if (source === 'setup') {
    const dot = key.indexOf('.');
    return dot < 0 ? undefined : scope.setup[Number(key.slice(0, dot))]?.[key.slice(dot + 1)];
  }
  return scope[source as 'connection' | 'inputs' | 'options'][key];
}

/**
 * Replaces `${connection.<key>}`, `${inputs.<key>}`, `${options.<key>}` and `${setup.<n>.<output>}` in every string
 * of a value with what the run used. A string that is exactly one placeholder takes the value as is (a number
 * stays a number); unknown references stay as written, so a mismatch shows them.
 */
export function expandPlaceholders<T>(value: T, scope: PlaceholderScope): T {
  if (typeof value === 'string') {
    const whole = /^\$\{(connection|inputs|options|setup)\.([^}]+)\}$/.exec(value);
    if (whole) {
      const v = lookup(scope, whole[1] as string, whole[2] as string);
      return (v === undefined ? value : v) as T;
    }
    return value.replace(PLACEHOLDER, (m, source: string, key: string) => {
      const v = lookup(scope, source, key);
      return v === undefined || v === null ? m : String(v);
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => expandPlaceholders(v, scope)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandPlaceholders(v, scope)])) as T;
  }
  return value;
}
