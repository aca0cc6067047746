import type { IdSource } from './ids.js';

/**
 * The telephony inline hook request, exactly as Okta sends it (reference §3.1, samples/okta-hooks/
 * telephony-request.json). Field names are Okta's: `msgTemplate` and `otpCode` (one Okta help page wrongly says
 * `messageTemplate` and `otp`).
 */
export const TELEPHONY_EVENT_TYPE = 'com.okta.telephony.provider';

export const TELEPHONY_REQUEST_TYPES = [
  'com.okta.user.telephony.pre-enrollment',
  'com.okta.user.telephony.mfa-verification',
  'com.okta.user.telephony.account-unlock',
  'com.okta.user.telephony.password-reset',
] as const;
export type TelephonyRequestType = (typeof TELEPHONY_REQUEST_TYPES)[number];

/** Okta's `deliveryChannel` values: "SMS" or "voice call" (reference §3.1). */
export type DeliveryChannel = 'SMS' | 'voice call';

export interface TelephonyRequest {
  eventId: string;
  eventTime: string;
  eventType: typeof TELEPHONY_EVENT_TYPE;
  eventTypeVersion: '1.0';
  contentType: 'application/json';
  cloudEventVersion: '0.1';
  source: string;
  requestType: TelephonyRequestType;
  data: {
    context: { request: { id: string; method: 'POST'; url: { value: string }; ipAddress: string } };
    userProfile: { firstName: string; lastName: string; login: string; userId: string };
    messageProfile: {
      msgTemplate: string;
      phoneNumber: string;
      otpExpires: string;
      deliveryChannel: DeliveryChannel;
      otpCode: string;
      locale: string;
    };
  };
}

/** Accepts the short names (`mfa-verification`) and the full ones; undefined when neither. */
export function parseRequestType(value: string): TelephonyRequestType | undefined {
  const v = value.trim().toLowerCase();
  return TELEPHONY_REQUEST_TYPES.find((t) => t === v || t === `com.okta.user.telephony.${v}`);
}

export function parseDeliveryChannel(value: string): DeliveryChannel | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'sms') return 'SMS';
  if (v === 'voice' || v === 'voice call' || v === 'call') return 'voice call';
  return undefined;
}

export interface TelephonyRequestInput {
  requestType: TelephonyRequestType;
  user: { userId: string; login: string; firstName: string; lastName: string };
  phoneNumber: string;
  channel: DeliveryChannel;
  /** Default: 6 digits from `ids`. */
  otpCode?: string;
  /** Default: "Your verification code is <otp>". */
  msgTemplate?: string;
  locale?: string;
  oktaDomain?: string;
  now: Date;
  ids: IdSource;
  /** How long the code is valid (Okta's default SMS code lifetime is 5 minutes) [I]. */
  otpLifetimeMs?: number;
}

export function buildTelephonyRequest(input: TelephonyRequestInput): TelephonyRequest {
  const { ids } = input;
  const otpCode = input.otpCode ?? ids.digits(6);
  // Okta's sample has whole-second eventTime and millisecond otpExpires.
  const eventTime = new Date(Math.floor(input.now.getTime() / 1000) * 1000);
  const otpExpires = new Date(input.now.getTime() + (input.otpLifetimeMs ?? 5 * 60_000));
  const domain = input.oktaDomain ?? 'example.okta.com';
  return {
    eventId: ids.chars(22),
    eventTime: eventTime.toISOString(),
    eventType: TELEPHONY_EVENT_TYPE,
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: `https://${domain}/api/v1/inlineHooks/cal${ids.chars(17)}`,
    requestType: input.requestType,
    data: {
      context: {
        request: {
          id: `req${ids.chars(22)}`,
          method: 'POST',
          // [I] The only documented value is the Preview tab's; real sign-in requests carry Okta's own path.
          url: { value: '/api/internal/v1/inlineHooks/com.okta.telephony.provider/generatePreview' },
          ipAddress: '127.0.0.1',
        },
      },
      userProfile: {
        firstName: input.user.firstName,
        lastName: input.user.lastName,
        login: input.user.login,
        userId: input.user.userId,
      },
      messageProfile: {
        // "SMS message template. Not applicable for voice call" — Okta still fills the field [I].
        msgTemplate: input.msgTemplate ?? `Your verification code is ${otpCode}`,
        phoneNumber: input.phoneNumber,
        otpExpires: otpExpires.toISOString(),
        deliveryChannel: input.channel,
        otpCode,
        locale: input.locale ?? 'EN-US',
      },
    },
  };
}
