import { deepFreeze } from '../../../util/deep-freeze.js';
import type { CardContext, CardResult } from '../../semantics/context.js';
import { CardFailure } from '../../semantics/failure.js';
import { toText } from '../../semantics/values.js';
import type { IoType } from '../../types.js';
import { channelCard } from '../definition.js';
import { FINISH, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

const GROUP_RULE = (index: number) => ({ extensible: false, reserved: {}, index, type: 'object' });

/** "System Properties" outputs: key on the card, type, and the field of Okta's user object it shows. */
const SYSTEM_PROPERTIES: ReadonlyArray<[key: string, type: IoType, userField: string]> = deepFreeze([
  ['ID', 'string', 'id'],
  ['Status', 'string', 'status'],
  ['Created', 'string', 'created'],
  ['Activated', 'string', 'activated'],
  ['Status Changed', 'string', 'statusChanged'],
  ['Last Login', 'string', 'lastLogin'],
  ['Last Updated', 'string', 'lastUpdated'],
  ['Password Changed', 'string', 'passwordChanged'],
]);

const CREDENTIALS_TYPE = {
  Emails: { type: 'object', collection: true },
  Password: { type: 'boolean', collection: false },
  'Recovery Question': { type: 'string', collection: false },
  Provider: {
    type: { Name: { type: 'string', collection: false }, Type: { type: 'string', collection: false } },
    collection: false,
  },
};

/** The fields of the card: its one input, the System Properties, and the group profile attributes go in. */
export const READ_USER_FIELDS = deepFreeze({
  user: {
    key: 'ID or Login',
    group: 'User',
    type: 'string',
    required: true,
    available: ['string'],
    metadata: { optional: false },
  },
  system: SYSTEM_PROPERTIES.map(([key, type]): FieldSpec => ({
    key,
    group: 'System Properties',
    type,
    available: ['string'],
  })),
  credentials: {
    key: 'Credentials',
    group: 'System Properties',
    type: CREDENTIALS_TYPE,
    data: {},
    available: ['object'],
  },
  profileGroup: 'Profile Properties',
} as const);

interface OktaUser {
  id?: string;
  profile?: Record<string, unknown>;
  credentials?: {
    emails?: unknown[];
    password?: unknown;
    recovery_question?: { question?: string };
    provider?: { name?: string; type?: string };
  };
  [field: string]: unknown;
}

/**
 * `GET https://<domain>/api/v1/users/<ID or Login>` with `Authorization: SSWS <token>`, the connection values
 * coming from the card's config ({domain, token}). Outputs are the System Properties and the Profile Properties the
 * flow author picked (one output per profile attribute, keyed by its name).
 */
async function readUser(ctx: CardContext): Promise<CardResult> {
  const connection = ctx.connection();
  const domain = typeof connection?.domain === 'string' ? connection.domain.trim() : '';
  const token = typeof connection?.token === 'string' ? connection.token : '';
  if (!domain || !token)
    throw new CardFailure('the Okta connection needs "domain" and "token" (an API token) to read a user');
  const input = READ_USER_FIELDS.user.key;
  const ref = toText(ctx.inputs[input]).trim();
  if (!ref) throw new CardFailure(`"${input}" is required`, { statusCode: 400 });
  const origin = /^https?:\/\//i.test(domain) ? domain.replace(/\/+$/, '') : `https://${domain}`;
  const res = await ctx.http({
    method: 'GET',
    url: `${origin}/api/v1/users/${encodeURIComponent(ref)}`,
    headers: { Accept: 'application/json', Authorization: `SSWS ${token}` },
  });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = res.body;
  }
  if (res.status >= 400) {
    const summary = (body as { errorSummary?: unknown } | null)?.errorSummary;
    const message = typeof summary === 'string' ? summary : `Okta answered HTTP ${res.status}`;
    throw new CardFailure(message, { statusCode: res.status, body });
  }
  return { byId: outputsOf(ctx, body as OktaUser) };
}

const USER_FIELD = new Map(SYSTEM_PROPERTIES.map(([key, , userField]) => [key, userField]));

function outputsOf(ctx: CardContext, user: OktaUser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(ctx.card.node.model.outputs.data)) {
    if (field.group === READ_USER_FIELDS.profileGroup) out[field.id] = user.profile?.[field.key] ?? null;
    else if (field.key === READ_USER_FIELDS.credentials.key) out[field.id] = credentialsOf(user);
    else {
      const name = USER_FIELD.get(field.key);
      out[field.id] = name === undefined ? null : (user[name] ?? null);
    }
  }
  return out;
}

/** The card's Credentials object (keys as the card shows them, reference §1.9). */
function credentialsOf(user: OktaUser): Record<string, unknown> {
  const c = user.credentials ?? {};
  return {
    Emails: Array.isArray(c.emails) ? c.emails : [],
    Password: c.password !== undefined,
    'Recovery Question': c.recovery_question?.question ?? '',
    Provider: { Name: c.provider?.name ?? '', Type: c.provider?.type ?? '' },
  };
}

/**
 * The Okta connector's "Read User" card (`root:channels:http:okta:1.0.605:readUser`), shaped like the one in the
 * published telephony flow (samples/okta-workflows/telephony_inline_hook_whatsapp_sms.flow, card 0hOTOz8pJ;
 * reference §1.9): input "ID or Login" (group User), outputs in groups "System Properties" and "Profile
 * Properties" (one per picked profile attribute), and `model.config` naming an `okta` connection placeholder.
 * It calls Okta, so the simulator runs it only when asked (`OPT_IN_CARDS`).
 */
export const oktaReadUserCard = channelCard('okta:readUser', 'Okta › Read User', {
  optIn: true,
  envelope: kernelEnvelope(null, SOURCES.tel, {
    channel: {
      version: '1.0.605',
      versionId: 491,
      channelId: 40,
      partnerChannelKeys: 107,
      metadataId: 18986,
    },
    async: true,
    executable: true,
    policy: FINISH,
    // The dynamic "Profile Properties" provider of the real card (copied verbatim from the sample).
    meta: {
      'fb3f9d84-9e2c-4657-9263-b370183ed899': {
        id: '80KOS71aP7T3',
        address: {
          key: null,
          group: 'Profile Properties',
          fieldIndex: 0,
          defaultValue: { path: [], method: 'getUserProfileFields' },
          namespace: 'output',
        },
      },
    },
    inputs: { extensible: false, rules: {}, groupRules: { User: GROUP_RULE(0) } },
    outputs: {
      extensible: false,
      rules: {},
      groupRules: { 'System Properties': GROUP_RULE(0), 'Profile Properties': GROUP_RULE(1) },
    },
    tail: {
      display: {},
      comments: 'Retrieve Okta user information using a User ID or User Login.',
      enableNewMetadata: true,
    },
  }),
  fields: READ_USER_FIELDS,
  run: readUser,
});
