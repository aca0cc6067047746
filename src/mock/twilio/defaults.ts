import type { TwilioSeed } from './seed.js';

/**
 * Credentials of the built-in account. They only open this local mock, so they are not real secrets, but the CLI
 * still prints only the SIDs unless asked (`--show-credentials`).
 */
export const DEFAULT_CREDENTIALS = {
  accountSid: 'AC11111111111111111111111111111111',
  authToken: 'mock-auth-token-not-a-secret',
  apiKeySid: 'SK11111111111111111111111111111111',
  apiKeySecret: 'mock-api-key-secret-not-a-secret',
} as const satisfies {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
};

export const DEFAULT_MESSAGING_SERVICE_SID = 'MG11111111111111111111111111111111';
/** Twilio's shared WhatsApp sandbox number (reference §2.6). */
export const WHATSAPP_SANDBOX_NUMBER = '+14155238886';

/**
 * One ready-to-use account so a newcomer needs no configuration:
 * - SMS from `+15005550006` (Twilio's magic "valid" number) or `+15017122661`;
 * - WhatsApp from the sandbox `whatsapp:+14155238886`: `+14155550100` joined an hour ago (free-form text works);
 *   `+14155550101` joined two days ago (free-form text fails later with 63016); anyone else fails with 63015;
 * - a Messaging Service with both senders; `+14155550199` ends `undelivered` (30003), `+14155550198` `failed` (30008).
 */
export const DEFAULT_TWILIO_SEED: TwilioSeed = {
  accounts: [
    {
      sid: DEFAULT_CREDENTIALS.accountSid,
      authToken: DEFAULT_CREDENTIALS.authToken,
      friendlyName: 'okta-connector mock account',
      trial: false,
      apiKeys: [
        {
          sid: DEFAULT_CREDENTIALS.apiKeySid,
          secret: DEFAULT_CREDENTIALS.apiKeySecret,
          friendlyName: 'default key',
        },
      ],
      phoneNumbers: ['+15005550006', '+15017122661'],
      whatsappSenders: [{ number: WHATSAPP_SANDBOX_NUMBER, sandbox: true }],
      messagingServices: [
        {
          sid: DEFAULT_MESSAGING_SERVICE_SID,
          friendlyName: 'default service',
          senders: ['+15017122661', `whatsapp:${WHATSAPP_SANDBOX_NUMBER}`],
        },
      ],
      verifiedNumbers: ['+14155550100', '+14155550101', '+15558675310'],
      sandboxParticipants: [
        { number: '+14155550100', joinedAt: '-1h' },
        { number: '+14155550101', joinedAt: '-2d' },
      ],
      whatsappSessions: [],
      optedOut: [],
      deliveryFailures: [
        { to: '+14155550199', status: 'undelivered', errorCode: 30003 },
        { to: '+14155550198', status: 'failed', errorCode: 30008 },
      ],
    },
  ],
};

export { loadTwilioSeed } from './seed-file.js';
