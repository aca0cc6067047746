import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeTelephonyAnswer } from '../../src/hooks/telephony-verdict.js';
import { oktaHooksSample } from '../support/fixtures.js';

const success = readFileSync(oktaHooksSample('telephony-response-success.json'), 'utf8');
const errorSample = readFileSync(oktaHooksSample('telephony-response-error.json'), 'utf8');
const json = { 'Content-Type': 'application/json' };

const ok = (body: string, elapsedMs = 120) =>
  judgeTelephonyAnswer({ status: 200, headers: json, body, elapsedMs });
const commands = (value: unknown, type = 'com.okta.telephony.action') =>
  JSON.stringify({ commands: [{ type, value }] });

describe('judgeTelephonyAnswer (reference §3.2)', () => {
  it("accepts Okta's documented success response", () => {
    const v = ok(success);
    expect(v).toMatchObject({
      verdict: 'accepted',
      status: 'SUCCESSFUL',
      provider: 'VONAGE',
      transactionId: 'SM49a8ece2822d44e4adaccd7ed268f954',
    });
    expect(v.warnings).toEqual([]);
  });

  it('accepts PENDING and warns about missing optional fields', () => {
    const v = ok(commands([{ status: 'PENDING' }]));
    expect(v.verdict).toBe('accepted');
    expect(v.reason).toContain('PENDING');
    expect(v.warnings).toEqual(['value[0].provider is missing', 'value[0].transactionId is missing']);
  });

  it("falls back on Okta's documented error object, quoting it", () => {
    const v = ok(errorSample);
    expect(v).toMatchObject({ verdict: 'fallback', code: 'ERROR_OBJECT' });
    expect(v.reason).toBe(
      'the hook returned an error object: "Failed to deliver SMS OTP to test.user@example.com" ' +
        '(reason: The content of the message is not supported)',
    );
    expect(ok('{"error":{}}').reason).toContain('The callback service returned an error');
  });

  it('falls back on each failure of the matrix with its reason', () => {
    const cases: Array<[ReturnType<typeof judgeTelephonyAnswer>, string, RegExp]> = [
      [
        judgeTelephonyAnswer({ status: 200, body: success, elapsedMs: 3001 }),
        'TIMEOUT',
        /3-second timeout \(took 3001 ms\)/,
      ],
      [judgeTelephonyAnswer({ elapsedMs: 3000, timedOut: true }), 'TIMEOUT', /timeout/],
      [judgeTelephonyAnswer({ elapsedMs: 5, transportError: 'ECONNREFUSED' }), 'UNREACHABLE', /ECONNREFUSED/],
      [
        judgeTelephonyAnswer({ status: 401, body: '{}', elapsedMs: 5 }),
        'HTTP_STATUS',
        /HTTP 401; Okta accepts only 200/,
      ],
      [judgeTelephonyAnswer({ status: 204, body: '', elapsedMs: 5 }), 'HTTP_STATUS', /HTTP 204/],
      [ok('<html>oops</html>'), 'MALFORMED_JSON', /not JSON/],
      [ok(''), 'MALFORMED_JSON', /empty/],
      [ok('[1]'), 'MALFORMED_JSON', /not a JSON object/],
      [ok('{}'), 'MISSING_COMMANDS', /no "commands" array/],
      [ok('{"commands":[]}'), 'MISSING_COMMANDS', /commands/],
      [
        ok(commands([{ status: 'SUCCESSFUL' }], 'com.okta.user.telephony.mfa-verification')),
        'UNSUPPORTED_COMMAND',
        /mfa-verification/,
      ],
      [ok(commands({ status: 'SUCCESSFUL' })), 'MISSING_VALUE', /value/],
      [ok(commands([{ provider: 'Twilio' }])), 'MISSING_STATUS', /status is missing/],
      [
        ok(commands([{ status: 'queued' }])),
        'INVALID_STATUS',
        /"queued"; Okta accepts SUCCESSFUL, PENDING, FAILED/,
      ],
      [ok(commands([{ status: 'successful' }])), 'INVALID_STATUS', /"successful"/],
      [ok(commands([{ status: 'FAILED' }])), 'PROVIDER_FAILED', /FAILED/],
    ];
    for (const [verdict, code, reason] of cases) {
      expect(verdict.verdict).toBe('fallback');
      expect(verdict).toMatchObject({ code });
      expect(verdict.reason).toMatch(reason);
    }
  });

  it('warns when the answer is close to the budget or not labelled JSON', () => {
    const v = judgeTelephonyAnswer({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: success,
      elapsedMs: 2900,
    });
    expect(v.verdict).toBe('accepted');
    expect(v.warnings).toEqual([
      'Content-Type is "text/plain", not JSON',
      "answered in 2900 ms, close to Okta's 3-second timeout",
    ]);
  });
});
