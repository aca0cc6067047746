import { fileURLToPath } from 'node:url';

/**
 * The vendored fixtures under test/fixtures/ (each folder says where its files come from in SOURCES.md). Tests read
 * real-world material only through these paths: the repository is the whole world of its tests.
 */
const fixture = (relative: string) => fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));

/** The repository root, with a trailing slash. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Real Okta Workflows exports (.flopack, .flow), with a trailing slash. */
export const OKTA_WORKFLOWS_DIR = fixture('okta-workflows/');

/** Okta's documented telephony inline hook request and responses, and an event hook delivery; trailing slash. */
export const OKTA_HOOKS_DIR = fixture('okta-hooks/');

/** Twilio's OpenAPI 3.0 description of the 2010-04-01 API. */
export const TWILIO_OPENAPI = fixture('openapi/twilio/twilio_api_v2010.json');

/** Slack's Web API description (Swagger 2.0), shipped with the bundled Slack connector. */
export const SLACK_OPENAPI = REPO_ROOT + 'connectors/slack/openapi/slack_web_openapi_v2.json';

/** The OpenAPI fixtures folder (real vendors' descriptions and small ones written for tests), trailing slash. */
export const OPENAPI_DIR = fixture('openapi/');

/** A small bearer-token JSON API that is not Twilio (`GET /me`, `GET /stats`), written for the tests. */
export const STATS_OPENAPI = fixture('openapi/stats/stats.yaml');

/** The path of one real export, e.g. `oktaWorkflowsSample('send_sms_via_twilio.flopack')`. */
export function oktaWorkflowsSample(name: string): string {
  return OKTA_WORKFLOWS_DIR + name;
}

/** The path of one hook payload, e.g. `oktaHooksSample('telephony-request.json')`. */
export function oktaHooksSample(name: string): string {
  return OKTA_HOOKS_DIR + name;
}
