import { deepFreeze } from '../../util/deep-freeze.js';
import type { CardEnvelope } from './definition.js';

/**
 * Shared parts of card envelopes (reference Appendix B). Wrapper rules and policies are deep-frozen constants shared
 * by every card of a kind: a generated flopack is large, and sharing keeps the heap small.
 */
export const FINISH = deepFreeze({ error: { type: 'finish' } });
export const ANY = deepFreeze({ '*': { types: ['*'], collection: '*' } });
export const OPERAND_RULES = deepFreeze({
  'left-operand': { types: ['object', 'string', 'number', 'Date', 'boolean'] },
  'right-operand': { types: ['object', 'string', 'number', 'Date', 'boolean'] },
});
/** The Helper Flow / API Endpoint group rules (identical in every real export). */
export const BODY_HEADERS_QUERY_RULES = deepFreeze({
  body: { type: 'object', reserved: {}, extensible: true },
  headers: { type: 'object', reserved: { 'Content-Type': 'string' }, extensible: true },
  query: { type: 'object', reserved: {}, extensible: true },
});

/** Where an envelope was copied from (`CardEnvelope.source`). */
export const SOURCES = {
  sms: 'send_sms_via_twilio',
  http: 'make_api_requests_http_card',
  batch: 'process_batched_okta_events_from_an_event_hook',
  remove: 'remove_user_from_all_non_built_in_okta_groups',
  tel: 'telephony_inline_hook_whatsapp_sms',
  email: 'validate_email_domain_using_registration_inline_ho',
  capia: 'intro_custom_api_actions',
  auth0: 'iamse utilGetAccessToken.flow',
  pam: 'okta_privileged_access_secrets_utilities (templates repo)',
  catalogue: '[I] reference §1.7 catalogue (no local sample)',
} as const;

/** The envelope of a plain kernel function card, with what differs given in `rest`. */
export function kernelEnvelope(
  description: string | null,
  source: string,
  rest: Partial<CardEnvelope> = {},
): CardEnvelope {
  return deepFreeze({
    description,
    async: false,
    mirrored: false,
    executable: false,
    displayed: true,
    cooperative: false,
    policy: FINISH,
    inputs: { extensible: false },
    outputs: { extensible: false },
    source,
    ...rest,
  });
}

/** The `available` list real custom fields carry. */
export const ALL_TYPES: readonly string[] = deepFreeze([
  'string',
  'number',
  'boolean',
  'Date',
  'Array',
  'object',
  'file',
  'flo',
  'folder',
]);
