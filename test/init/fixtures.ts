import type { AuthAnswers, InitAnswers, ParamAnswer } from '../../src/init/answers.js';

export const AUTH_VARIANTS: Record<string, AuthAnswers> = {
  basic: { type: 'basic', usernameLabel: 'API Key SID', passwordLabel: 'API Key Secret' },
  custom: {
    type: 'custom',
    placement: 'header',
    name: 'Authorization',
    value: 'Bearer ${connection.apiKey}',
  },
  customQuery: { type: 'custom', placement: 'query', name: 'api_key', value: '${connection.token}' },
  customSession: {
    type: 'custom',
    placement: 'header',
    name: 'Authorization',
    value: 'Bearer ${connection.sessionToken}',
    session: { path: '/oauth/session', value: 'data.token' },
  },
  oauth2: {
    type: 'oauth2',
    grantType: 'authorization_code',
    authorizeUrl: 'https://auth.acme.example/authorize',
    tokenUrl: 'https://auth.acme.example/token',
    scopes: ['read', 'write'],
  },
  oauth2ClientCredentials: {
    type: 'oauth2',
    grantType: 'client_credentials',
    tokenUrl: 'https://auth.acme.example/token',
    scopes: [],
  },
};

export const SOME_PARAMS: ParamAnswer[] = [
  { key: 'region', label: 'Region: EU or US', type: 'text', required: true },
  { key: 'webhookSecret', label: 'Webhook Secret', type: 'password', required: false },
];

export function answers(overrides: Partial<InitAnswers> = {}): InitAnswers {
  return {
    name: 'acme_crm',
    displayName: 'Acme CRM',
    description: 'Contacts and deals in Acme CRM.',
    supportEmail: 'help@acme.example',
    baseUrl: 'https://api.acme.example/v2',
    auth: AUTH_VARIANTS.basic as AuthAnswers,
    params: [],
    action: { name: 'Get Contact', method: 'GET', path: '/contacts/${inputs.contactId}' },
    ...overrides,
  };
}
