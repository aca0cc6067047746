import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIdSource } from '../../src/hooks/ids.js';
import {
  buildTelephonyRequest,
  parseDeliveryChannel,
  parseRequestType,
  TELEPHONY_REQUEST_TYPES,
} from '../../src/hooks/telephony-payload.js';
import { oktaHooksSample } from '../support/fixtures.js';

const sampleText = readFileSync(oktaHooksSample('telephony-request.json'), 'utf8');
const sample = JSON.parse(sampleText) as Record<string, any>;

function build(seed: string | null = 'fixed') {
  return buildTelephonyRequest({
    requestType: 'com.okta.user.telephony.mfa-verification',
    user: { userId: '00uabc', login: 'a@example.com', firstName: 'A', lastName: 'B' },
    phoneNumber: '+14155550100',
    channel: 'SMS',
    now: new Date('2024-05-01T12:00:00.456Z'),
    ids: createIdSource(seed ?? undefined),
  });
}

function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

describe('telephony hook request', () => {
  it("has exactly the keys and types of Okta's documented sample", () => {
    expect(shape(build())).toEqual(shape(sample));
    expect(Object.keys(build())).toEqual(Object.keys(sample));
  });

  it('uses msgTemplate and otpCode, with the code inside the message', () => {
    const req = build();
    expect(req.data.messageProfile.otpCode).toMatch(/^\d{6}$/);
    expect(req.data.messageProfile.msgTemplate).toContain(req.data.messageProfile.otpCode);
    expect(req.eventType).toBe('com.okta.telephony.provider');
    expect(req.eventTime).toBe('2024-05-01T12:00:00.000Z');
    expect(req.data.messageProfile.otpExpires).toBe('2024-05-01T12:05:00.456Z');
  });

  it('is deterministic with a seed and varies without one', () => {
    expect(JSON.stringify(build('s1'))).toBe(JSON.stringify(build('s1')));
    expect(build('s1').eventId).not.toBe(build('s2').eventId);
    expect(build(null).eventId).not.toBe(build(null).eventId);
    expect(build().eventId).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(build().data.context.request.id).toMatch(/^req[A-Za-z0-9]{22}$/);
  });

  it('parses all four request types by short and full name, and both channels', () => {
    for (const full of TELEPHONY_REQUEST_TYPES) {
      expect(parseRequestType(full)).toBe(full);
      expect(parseRequestType(full.replace('com.okta.user.telephony.', ''))).toBe(full);
    }
    expect(parseRequestType('mfa')).toBeUndefined();
    expect(parseDeliveryChannel('sms')).toBe('SMS');
    expect(parseDeliveryChannel('voice')).toBe('voice call');
    expect(parseDeliveryChannel('fax')).toBeUndefined();
  });
});
