import { createHmac } from 'node:crypto';
import { request } from 'node:http';

/** One status callback the mock made (or refused to make), for inspection. */
export interface CallbackDelivery {
  url: string;
  params: Record<string, string>;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  error?: string;
  /** Set when the URL was not on this machine: the mock never sends traffic off the host. */
  skipped?: 'not-loopback';
}

/** Only loopback receivers: 127.0.0.0/8, ::1 and localhost, over plain http. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:') return false;
    const h = u.hostname;
    return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
  } catch {
    return false;
  }
}

/**
 * `X-Twilio-Signature`: base64 HMAC-SHA1, keyed by the auth token, of the URL followed by every POST
 * parameter name and value sorted by name, so receivers can check it with twilio.validateRequest().
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** POSTs form-encoded params to a loopback URL; never rejects. */
export function postStatusCallback(
  url: string,
  params: Record<string, string>,
  authToken: string,
  timeoutMs = 5_000,
): Promise<CallbackDelivery> {
  if (!isLoopbackUrl(url)) return Promise.resolve({ url, params, skipped: 'not-loopback' });
  const body = new URLSearchParams(params).toString();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        timeout: timeoutMs,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'TwilioProxy/1.1',
          'X-Twilio-Signature': twilioSignature(authToken, url, params),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ url, params, status: res.statusCode }));
        res.on('error', (e) => resolve({ url, params, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ url, params, error: e.message }));
    req.end(body);
  });
}
