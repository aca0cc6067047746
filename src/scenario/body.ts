import { parseQuery, type FormFields } from '../mock/http/form.js';

/**
 * A request or response body as scenarios compare it: a form-encoded body as an object of its fields (a repeated
 * field becomes a list), JSON parsed, anything else the text. Absent or empty: undefined. One parser for stubs,
 * `expect.requests[].body` and cassettes, so a body means the same thing in each.
 */
export function parseBody(headers: Record<string, string>, body: string | undefined): unknown {
  if (body === undefined || body === '') return undefined;
  if (/x-www-form-urlencoded/i.test(headerValue(headers, 'content-type') ?? '')) return parseQuery(body);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** A header's value by case-insensitive name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.entries(headers).find(([k]) => k.toLowerCase() === lower)?.[1];
}

/** The auth scheme a request used with its secret masked: `Basic ***`, `Bearer ***`; `none` without one. */
export function authScheme(headers: Record<string, string>): string {
  const value = headerValue(headers, 'authorization')?.trim();
  if (!value) return 'none';
  const space = value.indexOf(' ');
  return space < 0 ? '***' : `${value.slice(0, space)} ***`;
}

/** `Basic ***` (any scheme name), `***` (a bare token) or `none`: what `auth` may say, so no secret is written. */
export const MASKED_AUTH = /^([A-Za-z][\w.+-]* )?\*\*\*$|^none$/;

export type { FormFields };
