/**
 * The one table of Twilio errors the mock can produce: code, HTTP status and Twilio's wording (reference §3.2).
 * `[V]` entries use wording captured from real responses or Twilio's error pages; `[I]` entries are inferred and
 * marked so in the reference or here. Messages with `{to}`, `{from}`, `{path}`, `{sid}` are filled at runtime.
 */
export interface TwilioErrorDef {
  code: number;
  status: number;
  message: string;
}

export const TWILIO_ERRORS = {
  // Auth, routing, platform
  authenticate: { code: 20003, status: 401, message: 'Authenticate' }, // [V] §3.2
  noCredentials: {
    code: 20003,
    status: 401,
    message: 'Authentication Error - No credentials provided',
  }, // [V] §3.2
  notFound: { code: 20404, status: 404, message: 'The requested resource {path} was not found' }, // [V]
  methodNotAllowed: { code: 20004, status: 405, message: 'Method not allowed' }, // [I]
  // Code and title from Twilio's error page (21402 "Invalid Url": updating a number's URL handler) [V]; the
  // API response's wording is [I].
  invalidUrl: { code: 21402, status: 400, message: 'Url is not valid: {value}' },
  invalidMethod: { code: 21403, status: 400, message: 'Method is not valid: {value}' }, // [I] code and wording
  testCredentials: {
    code: 20008,
    status: 403,
    message: 'Resource not accessible with Test Account Credentials',
  }, // [I] §4: test credentials only reach POST .../Messages
  tooManyRequests: { code: 20429, status: 429, message: 'Too Many Requests' }, // [V] §3.2
  internal: { code: 20500, status: 500, message: 'Internal Server Error' }, // [I]
  unavailable: { code: 20503, status: 503, message: 'Service Unavailable' }, // [I]
  // Request-level problems Twilio documents no code for; the mock answers in Twilio's shape. [I]
  malformedBody: {
    code: 20001,
    status: 400,
    message: 'The request body is not valid application/x-www-form-urlencoded UTF-8 text',
  },
  bodyTooLarge: {
    code: 20001,
    status: 413,
    message: 'The request body exceeds the {limit}-byte limit',
  },
  bodyTimeout: {
    code: 20001,
    status: 408,
    message: 'The request body was not received in time',
  },
  invalidParameter: { code: 20001, status: 400, message: 'Invalid parameter {name}: {value}' },

  // Create, in validation order (§8.4)
  toRequired: { code: 21604, status: 400, message: "A 'To' phone number is required." }, // [V]
  fromRequired: { code: 21603, status: 400, message: "A 'From' phone number is required." }, // [V]
  bodyRequired: { code: 21602, status: 400, message: 'Message body is required.' }, // [V] fixture
  bodyTooLong: {
    code: 21617,
    status: 400,
    message: 'The concatenated message body exceeds the 1600 character limit',
  }, // [V] docs title
  contentSidRequired: { code: 92005, status: 400, message: 'ContentSid Required' }, // [V] docs title
  contentSidInvalid: { code: 21655, status: 400, message: 'The ContentSid is Invalid' }, // [V] docs title
  contentVariablesInvalid: {
    code: 21656,
    status: 400,
    message: 'The ContentVariables Parameter is invalid',
  }, // [V] docs title
  mediaUrlInvalid: { code: 21620, status: 400, message: 'Invalid media URL(s)' }, // [I]
  tooManyMedia: {
    code: 21623,
    status: 400,
    message: 'Number of media files exceeds allowed limit',
  }, // [I]
  statusCallbackInvalid: { code: 21609, status: 400, message: 'Invalid StatusCallback url' }, // [I]
  invalidTo: { code: 21211, status: 400, message: "The 'To' number {to} is not a valid phone number." }, // [V]
  invalidFrom: {
    code: 21212,
    status: 400,
    message: "The 'From' number {from} is not a valid phone number, shortcode, or alphanumeric sender ID.",
  }, // [V]
  channelMismatch: {
    code: 21910,
    status: 400,
    message: "Invalid 'From' and 'To' pair. 'From' and 'To' should be of the same channel",
  }, // [V] docs
  sameToFrom: { code: 21266, status: 400, message: "'To' and 'From' numbers cannot be the same" }, // [V] docs
  serviceInvalid: {
    code: 21705,
    status: 400,
    message: 'The Messaging Service Sid {sid} is invalid.',
  }, // [I]
  serviceNoSender: {
    code: 21703,
    status: 400,
    message: 'The Messaging Service does not have a phone number available to send a message',
  }, // [I]
  scheduleNeedsService: {
    code: 35118,
    status: 400,
    message: 'MessagingServiceSid is required to schedule a message',
  }, // [I]
  scheduleTypeInvalid: { code: 35111, status: 400, message: 'Invalid ScheduleType' }, // [I]
  sendAtInvalid: {
    code: 35114,
    status: 400,
    message: 'Scheduling does not support this timestamp',
  }, // [V] docs title
  fromNotOwned: {
    code: 21606,
    status: 400,
    message:
      'The From phone number {from} is not a valid, SMS-capable inbound phone number or short code for your account.',
  }, // [V]
  queueFull: {
    code: 21611,
    status: 400,
    message: "This 'From' number has exceeded the maximum number of queued messages",
  }, // [I] magic number §7
  unverified: {
    code: 21608,
    status: 400,
    message:
      'The number {to} is unverified. Trial accounts cannot send messages to unverified numbers; verify {to} at twilio.com/user/account/phone-numbers/verified, or purchase a Twilio number to send messages to unverified numbers',
  }, // [V] keploy recording
  noGeoPermission: {
    code: 21408,
    status: 400,
    message:
      "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {to}",
  }, // [V]
  unsubscribed: { code: 21610, status: 400, message: 'Attempt to send to unsubscribed recipient' }, // [V] docs title
  cannotRoute: {
    code: 21612,
    status: 400,
    message:
      "The combination of 'To' and 'From' parameters on this message cannot be connected by Twilio at this time.",
  }, // [I] docs wording
  notMobile: { code: 21614, status: 400, message: 'To number: {to}, is not a mobile number' }, // [V]
  noChannel: {
    code: 63007,
    status: 400,
    message: 'Twilio could not find a Channel with the specified From address',
  }, // [V]

  // List / update
  invalidPageToken: { code: 21481, status: 400, message: 'Invalid PageToken' }, // [V] docs
  cannotCancel: { code: 30409, status: 400, message: 'This message cannot be canceled' }, // [V] docs title
} as const satisfies Record<string, TwilioErrorDef>;

export type TwilioErrorKey = keyof typeof TWILIO_ERRORS;

/** Delivery-time failures: the message is created, then ends `failed`/`undelivered` with this code (§2.6). */
export const ASYNC_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  63015: 'Channel Sandbox can only send messages to phone numbers that have joined the Sandbox', // [V] docs
  63016:
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.', // [V]
  30003: 'Unreachable destination handset', // [I]
  30004: 'Message blocked', // [V] spec example
  30005: 'Unknown destination handset', // [I]
  30006: 'Landline or unreachable carrier', // [I]
  30007: 'Carrier violation', // [V] spec example
  30008: 'Unknown error', // [I]
};

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
  detail?: string;
}

/** A Twilio error ready to send: the body has exactly Twilio's keys (§3.1). */
export class TwilioApiError extends Error {
  readonly body: TwilioErrorBody;
  constructor(
    readonly def: TwilioErrorDef,
    vars: Readonly<Record<string, string | number>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
    detail?: string,
  ) {
    const message = def.message.replace(/\{(\w+)\}/g, (m, k: string) =>
      vars[k] === undefined ? m : String(vars[k]),
    );
    super(message);
    this.body = {
      code: def.code,
      message,
      more_info: `https://www.twilio.com/docs/errors/${def.code}`,
      status: def.status,
      ...(detail === undefined ? {} : { detail }),
    };
  }
  get status(): number {
    return this.def.status;
  }
}

export function twilioError(
  key: TwilioErrorKey,
  vars?: Readonly<Record<string, string | number>>,
  headers?: Readonly<Record<string, string>>,
): TwilioApiError {
  return new TwilioApiError(TWILIO_ERRORS[key], vars, headers);
}
