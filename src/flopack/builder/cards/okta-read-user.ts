import { READ_USER_FIELDS } from '../../cards/okta/read-user.js';
import type { CardHandle, OutputRef, Value } from '../card.js';
import type { FlowBuilder } from '../flow.js';

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

/**
 * The Okta connector's Read User card (cards/okta/read-user.ts): the user to read, the System Properties, one
 * Profile Properties output per picked attribute, and `model.config` naming the flopack's `okta` connection.
 */
export function oktaReadUser(
  flow: FlowBuilder,
  path: string,
  user: Value,
  attributes: ProfileAttribute[],
  configId: string,
): ReadUserCard {
  const card = flow.add('readUser', path);
  card.model.config = configId;
  flow.set(card.addInput(READ_USER_FIELDS.user), user);
  for (const field of READ_USER_FIELDS.system) card.addOutput(field);
  card.addOutput(READ_USER_FIELDS.credentials);
  const profile: Record<string, OutputRef> = {};
  for (const a of attributes) {
    profile[a.key] = card.addOutput({
      key: a.key,
      group: READ_USER_FIELDS.profileGroup,
      type: a.type,
      data: a.type === 'boolean' ? false : a.type === 'string' ? '' : null,
      available:
        a.type === 'string' ? ['string'] : ['object', 'string', 'number', 'Date', 'boolean', 'array'],
      metadata: { displayname: a.displayname },
    });
  }
  return { card, profile };
}
