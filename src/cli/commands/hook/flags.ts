import { UsageError } from '../../../errors.js';

/** Flag checks shared by the hook commands; bad values are usage errors (exit 2). */
export function e164(value: string, flag: string): string {
  const v = value.trim();
  if (!/^\+[1-9]\d{6,14}$/.test(v))
    throw new UsageError(`${flag} must be a phone number in E.164 form, e.g. +15005550006`);
  return v;
}

export function identifier(value: string, flag: string): string {
  const v = value.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v))
    throw new UsageError(
      `${flag} must be a profile attribute's variable name (letters, digits, _), e.g. whatsappOTP`,
    );
  return v;
}

export function port(value: string, flag = '--port'): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new UsageError(`${flag} must be a port number from 0 to 65535`);
  return n;
}

export function positiveInt(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}`);
  return n;
}

export function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, e.g. http://127.0.0.1:4030/api/flo/<alias>/invoke`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${flag} must be an http(s) URL`);
  return value;
}

export function isoDate(value: string, flag: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`${flag} must be an ISO-8601 time, e.g. 2024-05-01T12:00:00Z`);
  return d;
}
