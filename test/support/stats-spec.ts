import type { ConnectorSpec } from '../../src/spec/types.js';

/**
 * A connector for the small bearer-token statistics API of test/fixtures/openapi/stats (`GET /me`, `GET /stats`),
 * written as a new user writes one: OAuth 2.0, the health check on /me, Get Stats, and no `mock` unless given.
 * `changes` replace top-level keys (another authentication, base URL or actions).
 */
export function statsSpec(
  changes: Partial<Record<keyof ConnectorSpec, unknown>> = {},
): Record<string, unknown> {
  return {
    specVersion: 1,
    name: 'stats',
    displayName: 'Stats',
    description: 'A statistics API.',
    version: '1.0.0',
    supportEmail: 'support@example.com',
    baseUrl: 'https://api.example.com',
    authentication: {
      type: 'oauth2',
      grantType: 'authorization_code',
      authorizeUrl: 'https://example.com/authorize',
      tokenUrl: 'https://example.com/token',
    },
    authping: { request: { method: 'GET', path: '/me' } },
    actions: [
      {
        name: 'Get Stats',
        description: 'Gets the statistics of the account.',
        request: { method: 'GET', path: '/stats' },
        outputs: [{ key: 'count', label: 'Count', type: 'number', from: 'body', path: 'count' }],
      },
    ],
    ...changes,
  };
}
