import { describe, it, expect } from 'vitest';
import {
  formatFlowError,
  formatOutputs,
  formatTrace,
  redactTrace,
  scrubSecrets,
} from '../../src/run/format.js';
import type { TraceEvent } from '../../src/simulate/types.js';

describe('formatFlowError', () => {
  it('shows the status the way Okta does, then where', () => {
    const text = formatFlowError({
      kind: 'return-error',
      statusCode: 400,
      message: 'No To input provided. Enter a valid To.',
      flow: 'Send Message',
      card: { name: 'Require To', uuid: 'abc', address: 'root:kernel:control:0.0.1:throwIf' },
    });
    expect(text).toBe(
      'Error 400: No To input provided. Enter a valid To.\n  at flow "Send Message", card "Require To" (abc)\n',
    );
    expect(formatFlowError({ kind: 'timeout', message: 'timed out', flow: 'F' })).toBe(
      'Error: timed out\n  at flow "F"\n',
    );
  });
});

describe('formatOutputs', () => {
  it('keys by output key, or by label when asked', () => {
    expect(JSON.parse(formatOutputs({ sid: 'SM1', x: 1 }))).toEqual({ sid: 'SM1', x: 1 });
    expect(JSON.parse(formatOutputs({ sid: 'SM1', x: 1 }, { sid: 'Message SID' }))).toEqual({
      'Message SID': 'SM1',
      x: 1,
    });
  });
});

const secret = 'very-secret-api-key-value';
const basic = Buffer.from(`SKuser:${secret}`).toString('base64');
const events: TraceEvent[] = [
  {
    type: 'flow-start',
    flow: 'Send Message',
    depth: 0,
    inputs: { auth: { username: 'SKuser', password: secret } },
  },
  {
    type: 'card',
    flow: 'httpHelper',
    card: 'Raw Request',
    uuid: 'u1',
    address: 'root:channels:http:httpfunctions:1.0.11:raw',
    inputs: { url: 'https://api.twilio.com/x', headers: { Authorization: `Basic ${basic}` } },
    outputs: { statusCode: 201 },
    ms: 3.2,
    depth: 1,
  },
  {
    type: 'http',
    flow: 'httpHelper',
    card: 'Raw Request',
    request: {
      method: 'POST',
      url: 'https://api.twilio.com/x',
      headers: { Authorization: `Basic ${basic}` },
      body: 'To=%2B1',
    },
    response: { status: 201, headers: {}, body: '{"sid":"SM1"}' },
    ms: 12,
    attempt: 1,
  },
  { type: 'flow-end', flow: 'Send Message', depth: 0, ok: true, outputs: { sid: 'SM1' } },
];

describe('trace', () => {
  it('prints cards and HTTP exchanges with Authorization redacted', () => {
    const text = formatTrace(events);
    expect(text).toContain('▶ Send Message');
    expect(text).toContain('● Raw Request 3.2 ms');
    expect(text).toContain('→ POST https://api.twilio.com/x');
    expect(text).toContain('← 201 12 ms {"sid":"SM1"}');
    expect(text).toContain('Authorization: «redacted»');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(basic);
  });
  it('redacts the JSON trace too', () => {
    const json = JSON.stringify(redactTrace(events));
    expect(json).not.toContain(secret);
    expect(json).not.toContain(basic);
  });
  it('scrubs secret values and their Basic and URL encodings from any text', () => {
    const conn = { username: 'SKuser', password: secret };
    const text = `a ${secret} b ${basic} c ${encodeURIComponent(secret)}`;
    expect(scrubSecrets(text, conn, ['password'])).toBe('a «redacted» b «redacted» c «redacted»');
  });
});
