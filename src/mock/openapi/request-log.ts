import type { IncomingHttpHeaders } from 'node:http';
import { isSecretName } from '../../simulate/redact.js';
import type { FormFields } from '../http/form.js';
import { basicUser, redactHeaders } from '../http/redact.js';
import type { RecordedRequest } from '../http/record.js';
import type { Violation } from './problem.js';
import type { credentialNames } from './security.js';
import { setOwn } from './own-property.js';

/** One request as the OpenAPI mock saw it, safe to print: every credential is redacted before it is stored. */
export interface OpenApiRecordedRequest extends RecordedRequest {
  /** The operation it was routed to (operationId, or `METHOD /path`); absent when no operation matched. */
  operation?: string;
  /** A JSON body as sent, secret-named fields redacted. */
  json?: unknown;
  /** Why the mock refused it (the `errors` of the problem answer). */
  errors?: Violation[];
}

const REDACTED = '<redacted>';

type SecretNames = ReturnType<typeof credentialNames>;

/**
 * The log entry of a request: headers through the shared redaction (Authorization keeps only the Basic
 * username), plus the description's own apiKey names, and query, form and JSON fields named like secrets.
 */
export function recordRequest(
  method: string,
  path: string,
  query: FormFields,
  headers: IncomingHttpHeaders,
  secretNames: SecretNames,
): OpenApiRecordedRequest {
  const shown = redactHeaders(headers);
  for (const name of secretNames.header) if (name in shown) shown[name] = REDACTED;
  if (secretNames.cookie.size && shown.cookie !== undefined) shown.cookie = REDACTED;
  const entry: OpenApiRecordedRequest = {
    method,
    path,
    query: redactFields(query, secretNames.query),
    headers: shown,
    status: 0,
  };
  const auth = headers.authorization;
  const user = auth && /^basic /i.test(auth) ? basicUser(auth.slice(6)) : undefined;
  if (user !== undefined) entry.authUser = user;
  return entry;
}

/** Form or query fields with secret-named ones (or the description's apiKey names) replaced. */
export function redactFields(fields: FormFields, extra: ReadonlySet<string> = new Set()): FormFields {
  const out: FormFields = {};
  for (const name of Object.keys(fields)) {
    const value = isSecretName(name) || extra.has(name) ? REDACTED : fields[name]!;
    setOwn(out, name, value);
  }
  return out;
}

/** A JSON value with every secret-named property replaced, at any depth. */
export function redactJson(value: unknown, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    setOwn(out, k, isSecretName(k) ? REDACTED : redactJson(v, depth + 1));
  }
  return out;
}
