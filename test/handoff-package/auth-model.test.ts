import { describe, expect, it } from 'vitest';
import { authenticationModel } from '../../src/handoff-package/auth-model.js';
import { renderTemplate } from '../../src/handoff-package/templates.js';
import type { Authentication, ConnectorSpec } from '../../src/spec/types.js';
import { withSpec } from '../spec/helpers.js';

/** The numbered lines of docs/authorization.md's "Configure the connection". */
function steps(spec: ConnectorSpec): string[] {
  const text = renderTemplate('docs-authorization.md', {
    connector: { displayName: spec.displayName, version: spec.version },
    authentication: authenticationModel(spec),
  });
  const section = text.slice(text.indexOf('## Configure the connection'));
  return section.split('\n').filter((l) => /^\d+\. /.test(l));
}

describe('docs/authorization.md numbers the connection steps 1, 2, 3 … for every kind of authentication', () => {
  const numbersOf = (lines: string[]) => lines.map((l) => Number(l.split('.')[0]));
  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  /** The steps for the base spec with `authentication` in place of its Basic one, and `change` applied. */
  const stepsWith = (authentication: Authentication, change: (s: ConnectorSpec) => void) =>
    steps(
      withSpec((s) => {
        s.authentication = authentication;
        change(s);
      }),
    );

  it('basic: nickname, the two credentials, each parameter, Create', () => {
    const lines = steps(withSpec(() => {}));
    expect(numbersOf(lines)).toEqual(oneToN(7));
    expect(lines[3]).toBe('4. **Key**: your Key.');
    expect(lines[5]).toBe('6. **Account ID**: (Text, required)');
    expect(lines[6]).toMatch(/^7\. Click \*\*Create\*\*\. Workflows checks/);
  });

  it('custom: the parameters only, then Create', () => {
    const lines = stepsWith(
      { type: 'custom', placement: 'header', name: 'X-Key', value: '${connection.apiKey}' },
      (s) => s.connectionParameters!.push({ key: 'apiKey', label: 'API Key', type: 'password' }),
    );
    expect(numbersOf(lines)).toEqual(oneToN(6));
    expect(lines[4]).toBe('5. **API Key**: (Password, required)');
  });

  it('OAuth 2.0 authorization code: Create signs in and allows access', () => {
    const lines = stepsWith(
      {
        type: 'oauth2',
        grantType: 'authorization_code',
        authorizeUrl: 'https://acme.test/authorize',
        tokenUrl: 'https://acme.test/token',
      },
      (s) => (s.connectionParameters = []),
    );
    expect(numbersOf(lines)).toEqual(oneToN(4));
    expect(lines[3]).toMatch(/^4\. Click \*\*Create\*\*\. Sign in to Acme in the window that opens/);
  });
});

describe('the build sheet tells a person how Connector Builder takes OAuth 2.0', () => {
  const sheetAuth = (spec: ConnectorSpec) =>
    renderTemplate('build-sheet.md', {
      connector: {},
      authentication: authenticationModel(spec),
      flows: [],
      tool: {},
    });
  const oauth = (extra: Record<string, unknown>) =>
    withSpec((s) => {
      s.authentication = { type: 'oauth2', tokenUrl: 'https://id.example.com/token', ...extra } as never;
    });

  it('client credentials: the Client Authentication Type, header unless the spec says body', () => {
    expect(authenticationModel(oauth({ grantType: 'client_credentials' })).oauth2?.clientAuthentication).toBe(
      'Send as basic auth header (client_secret_basic)',
    );
    const body = oauth({ grantType: 'client_credentials', clientAuthentication: 'body' });
    expect(sheetAuth(body)).toContain(
      '| Client Authentication Type | Send as basic auth body (client\\_secret\\_post) |',
    );
  });

  it('authorization code: the redirect URIs to register per org, and no PKCE', () => {
    const text = sheetAuth(
      oauth({ grantType: 'authorization_code', authorizeUrl: 'https://id.example.com/authorize' }),
    );
    expect(text).toContain('register the redirect URI that Connector Builder shows');
    expect(text).toContain('PKCE is not supported');
    expect(text).not.toContain('Client Authentication Type');
  });
});
