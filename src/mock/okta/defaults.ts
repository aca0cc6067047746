/**
 * Seed data of the mock Okta Users API: one token and three users covering the telephony hook's cases
 * (opted in to WhatsApp, SMS only, no mobile phone). The opt-in attribute is the custom profile attribute
 * `whatsappOTP` of the seed blog post, "Bring Your Own Messaging Provider: WhatsApp OTP with Inline Hooks &
 * Workflows" (reference §1.9).
 */

/** An SSWS API token in Okta's shape ("00" + 40 characters). Not a real token. */
export const DEFAULT_OKTA_TOKEN = '00mockOktaApiTokenForLocalTestsOnly0000000';

/** The org domain flows are generated against; the transport rewrites it to the mock's loopback origin. */
export const DEFAULT_OKTA_DOMAIN = 'example.okta.com';

export interface MockOktaUserProfile {
  firstName: string;
  lastName: string;
  email: string;
  login: string;
  mobilePhone: string | null;
  whatsappOTP?: boolean;
  [attribute: string]: unknown;
}

/** A user as `GET /api/v1/users/{id}` returns it (without `_links`, which the mock adds). */
export interface MockOktaUser {
  id: string;
  status: string;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: MockOktaUserProfile;
  credentials: {
    password: Record<string, never>;
    provider: { type: string; name: string };
  };
}

export interface OktaSeed {
  users: MockOktaUser[];
}

/** Okta user ids are "00u" + 17 characters. */
export const SEED_USER_IDS = {
  whatsapp: '00uwhatsapp000000001',
  sms: '00usms00000000000002',
  noPhone: '00unophone0000000003',
} as const;

const TIMES = {
  created: '2024-01-15T10:00:00.000Z',
  activated: '2024-01-15T10:00:01.000Z',
  statusChanged: '2024-01-15T10:00:01.000Z',
  lastLogin: '2024-06-01T08:30:00.000Z',
  lastUpdated: '2024-05-20T12:00:00.000Z',
  passwordChanged: '2024-01-15T10:05:00.000Z',
};

function user(id: string, profile: MockOktaUserProfile): MockOktaUser {
  return {
    id,
    status: 'ACTIVE',
    ...TIMES,
    type: { id: 'otyMockDefaultUserType1' },
    profile,
    credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
  };
}

/** The sandbox participant number of the mock Twilio (it has joined the WhatsApp sandbox). */
const SANDBOX_PARTICIPANT = '+14155550100';

export const OKTA_SEED: OktaSeed = {
  users: [
    user(SEED_USER_IDS.whatsapp, {
      firstName: 'Wanda',
      lastName: 'Whatsapp',
      email: 'wanda.whatsapp@example.com',
      login: 'wanda.whatsapp@example.com',
      mobilePhone: SANDBOX_PARTICIPANT,
      whatsappOTP: true,
    }),
    user(SEED_USER_IDS.sms, {
      firstName: 'Sam',
      lastName: 'Sms',
      email: 'sam.sms@example.com',
      login: 'sam.sms@example.com',
      mobilePhone: SANDBOX_PARTICIPANT,
      whatsappOTP: false,
    }),
    user(SEED_USER_IDS.noPhone, {
      firstName: 'Nora',
      lastName: 'Nophone',
      email: 'nora.nophone@example.com',
      login: 'nora.nophone@example.com',
      mobilePhone: null,
      whatsappOTP: false,
    }),
  ],
};
