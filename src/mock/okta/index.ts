export { startMockOkta } from './server.js';
export type { MockOkta, MockOktaFault, MockOktaOptions, MockOktaRequest } from './server.js';
export {
  DEFAULT_OKTA_DOMAIN,
  DEFAULT_OKTA_TOKEN,
  OKTA_SEED,
  SEED_USER_IDS,
  type MockOktaUser,
  type MockOktaUserProfile,
  type OktaSeed,
} from './defaults.js';
export type { OktaErrorBody } from './errors.js';
