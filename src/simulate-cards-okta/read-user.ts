import { CardFailure } from '../simulate/failure.js';
import type { CardContext, CardHandler, CardResult } from '../simulate/types.js';
import { toText } from '../simulate/values.js';

/**
 * The Okta connector's "Read User" card (`root:channels:http:okta:<ver>:readUser`, reference §1.9) for the
 * simulator: `GET https://<domain>/api/v1/users/<ID or Login>` with `Authorization: SSWS <token>`, the connection
 * values coming from the card's config ({domain, token}). Outputs are the card's "System Properties" and the
 * "Profile Properties" the flow author picked (one output per profile attribute, keyed by its name).
 */
export const OKTA_USER_INPUT = 'ID or Login';

/** System Properties output key → field of Okta's user object. */
const SYSTEM_FIELDS: Record<string, string> = {
  ID: 'id',
  Status: 'status',
  Created: 'created',
  Activated: 'activated',
  'Status Changed': 'statusChanged',
  'Last Login': 'lastLogin',
  'Last Updated': 'lastUpdated',
  'Password Changed': 'passwordChanged',
};

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

export const readUser: CardHandler = async (ctx: CardContext): Promise<CardResult> => {
  const connection = ctx.connection();
  const domain = typeof connection?.domain === 'string' ? connection.domain.trim() : '';
  const token = typeof connection?.token === 'string' ? connection.token : '';
  if (!domain || !token)
    throw new CardFailure('the Okta connection needs "domain" and "token" (an API token) to read a user');
  const ref = toText(ctx.inputs[OKTA_USER_INPUT]).trim();
  if (!ref) throw new CardFailure(`"${OKTA_USER_INPUT}" is required`, { statusCode: 400 });
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
};

function outputsOf(ctx: CardContext, user: OktaUser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(ctx.card.node.model.outputs.data)) {
    if (field.group === 'Profile Properties') out[field.id] = user.profile?.[field.key] ?? null;
    else if (field.key === 'Credentials') out[field.id] = credentialsOf(user);
    else {
      const name = SYSTEM_FIELDS[field.key];
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
