import type { CardHandle, FlowBuilder, OutputRef, Value } from '../flopack/builder/index.js';
import type { Flo, IoType } from '../flopack/types.js';

/**
 * The Okta connector's "Read User" card, shaped like the one in the published telephony flow
 * (samples/okta-workflows/telephony_inline_hook_whatsapp_sms.flow, card 0hOTOz8pJ; reference §1.9):
 * `root:channels:http:okta:1.0.605:readUser`, input "ID or Login" (group User), outputs in groups
 * "System Properties" and "Profile Properties" (one per picked profile attribute), and `model.config` naming an
 * `okta` connection placeholder. The builder has no Okta connector cards, so this takes a builder card (for its
 * id, pin and ordering bookkeeping) and gives it the Read User envelope.
 */
const OKTA = {
  version: '1.0.605',
  versionId: 491,
  channelId: 40,
  metadataId: 18986,
  partnerChannelKeys: 107,
};
export const READ_USER_ADDRESS = `root:channels:http:okta:${OKTA.version}:readUser`;

const GROUP_RULE = (index: number) => ({ extensible: false, reserved: {}, index, type: 'object' });

const SYSTEM_OUTPUTS: Array<[string, IoType]> = [
  ['ID', 'string'],
  ['Status', 'string'],
  ['Created', 'string'],
  ['Activated', 'string'],
  ['Status Changed', 'string'],
  ['Last Login', 'string'],
  ['Last Updated', 'string'],
  ['Password Changed', 'string'],
];

const CREDENTIALS_TYPE = {
  Emails: { type: 'object', collection: true },
  Password: { type: 'boolean', collection: false },
  'Recovery Question': { type: 'string', collection: false },
  Provider: {
    type: { Name: { type: 'string', collection: false }, Type: { type: 'string', collection: false } },
    collection: false,
  },
};

export interface ProfileAttribute {
  key: string;
  type: 'string' | 'boolean' | 'number';
  displayname: string;
}

export interface ReadUserCard {
  card: CardHandle;
  /** Profile Properties outputs by attribute key. */
  profile: Record<string, OutputRef>;
}

export function oktaReadUser(
  flow: FlowBuilder,
  path: string,
  user: Value,
  attributes: ProfileAttribute[],
  configId: string,
): ReadUserCard {
  const card = flow.add('rawRequest', path, 'Read User');
  const c = card.card;
  c.address = READ_USER_ADDRESS;
  c.parents = {
    version: {
      address: `root:channels:http:okta:${OKTA.version}`,
      key: OKTA.version,
      data: { name: OKTA.version, id: OKTA.versionId },
    },
    channel: { address: 'root:channels:http:okta', key: 'okta', data: { name: 'okta', id: OKTA.channelId } },
  };
  c.node.key = 'readUser';
  const m = card.model;
  m.key = 'readUser';
  m.metadata = { id: OKTA.metadataId, name: 'Read User', description: null };
  // The dynamic "Profile Properties" provider of the real card (copied verbatim from the sample).
  m.meta = {
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
  };
  m.config = configId;
  m.partnerChannelKeys = OKTA.partnerChannelKeys;
  m.inputs = { extensible: false, rules: {}, groupRules: { User: GROUP_RULE(0) }, data: {} };
  m.outputs = {
    extensible: false,
    rules: {},
    groupRules: { 'System Properties': GROUP_RULE(0), 'Profile Properties': GROUP_RULE(1) },
    data: {},
  };
  m.display = {};
  m.comments = 'Retrieve Okta user information using a User ID or User Login.';
  m.enableNewMetadata = true;

  const input = card.addInput({
    key: 'ID or Login',
    group: 'User',
    type: 'string',
    required: true,
    available: ['string'],
    metadata: { optional: false },
  });
  flow.set(input, user);
  for (const [key, type] of SYSTEM_OUTPUTS)
    card.addOutput({ key, group: 'System Properties', type, available: ['string'] });
  card.addOutput({
    key: 'Credentials',
    group: 'System Properties',
    type: CREDENTIALS_TYPE,
    data: {},
    available: ['object'],
  });
  const profile: Record<string, OutputRef> = {};
  for (const a of attributes) {
    profile[a.key] = card.addOutput({
      key: a.key,
      group: 'Profile Properties',
      type: a.type,
      data: a.type === 'boolean' ? false : a.type === 'string' ? '' : null,
      available:
        a.type === 'string' ? ['string'] : ['object', 'string', 'number', 'Date', 'boolean', 'array'],
      metadata: { displayname: a.displayname },
    });
  }
  return { card, profile };
}

/** The builder lists cards in `display.preview` by kind; put the Read User card's own entry there. */
export function fixReadUserPreview(flo: Flo): void {
  const preview = flo.data.display.preview;
  if (!preview) return;
  flo.data.methods.forEach((card, i) => {
    if (card.address === READ_USER_ADDRESS) preview[i] = { module: 'okta', name: 'readUser', kernel: false };
  });
}
