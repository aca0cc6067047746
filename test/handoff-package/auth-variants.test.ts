import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { authenticationModel } from '../../src/handoff-package/auth-model.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { renderSheet } from '../../src/handoff-package/documents.js';
import { renderTemplate } from '../../src/handoff-package/templates.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { sessionTokenAuth } from '../helpers/session-token.js';
import { withSpec } from '../spec/helpers.js';

function sheet(spec: ConnectorSpec, kind: 'md' | 'html' = 'md') {
  const { flopack, flows } = generateConnector(spec);
  return renderSheet(kind, buildSheetModel(spec, flopack, flows), {
    tool: { name: 'okta-connector', version: '0.0.0' },
    accent: '#000000',
    flopackFile: 'c.flopack',
  }).toString();
}

const tokenSpec = () =>
  withSpec((s) => {
    s.authentication = [
      {
        key: 'session',
        label: 'Client credentials',
        ...sessionTokenAuth({
          path: '/session',
          body: {
            encoding: 'json',
            fields: { id: '${connection.accountId}', secret: '${connection.clientSecret}' },
          },
          value: 'token',
          extra: [{ key: 'region', label: 'Region', value: 'eu' }],
        }),
      },
      { type: 'basic', key: 'basic', label: 'Username and password' },
    ];
    s.connectionParameters!.push({ key: 'clientSecret', label: 'Client Secret', type: 'password' });
    s.defaultHeaders = { 'X-Region': '${connection.region}' };
  });

describe('the build sheet for several methods and config values', () => {
  it('has one Authentication dialog per method, with its display name and Auth Selection Key', () => {
    const text = sheet(tokenSpec());
    expect(text).toContain('### 1. Client credentials');
    expect(text).toContain(
      'On the **Overview** tab click **Set up authentication**, enter the display name **Client credentials** and choose the auth type **Custom**',
    );
    expect(text).toContain('### 2. Username and password');
    expect(text).toContain(
      'Click **Add Authentication**, enter the display name **Username and password** and choose the auth type **Basic**. Its Auth Selection Key must be `basic`',
    );
    expect(text).toContain("httpHelper's **Selected Auth**");
  });

  it('lists the config values and explains the helper flow that computes one, card by card', () => {
    const text = sheet(tokenSpec());
    expect(text).toContain(
      '| Session | `session` | Value from Helper Flow | choose the flow `Session Config Value` | Password | No |',
    );
    expect(text).toContain('| Region | `region` | Static Value | `eu` | Text | Yes |');
    const flow = text.slice(text.indexOf('### Session Config Value'));
    expect(flow).toContain('choose **Value from Helper Flow** and this flow');
    expect(flow).toContain('Raw Request');
    // The helper flow comes before httpHelper: the Authentication dialog chooses it.
    expect(text.indexOf('### Session Config Value')).toBeLessThan(text.indexOf('### httpHelper'));
    // httpHelper picks the method by Selected Auth.
    const helper = text.slice(text.indexOf('### httpHelper'), text.indexOf('### _authping'));
    expect(helper).toContain('Auth header if Username and password');
    // Its Auth section holds the config values and the Selected Auth besides Connection and the parameters.
    expect(helper).toMatch(
      /Auth\*\* section that Connector Builder fills in from the connection: .*\*\*Session\*\*, \*\*Region\*\*, \*\*Selected Auth\*\*\./,
    );
  });

  it('renders the HTML sheet too, and a single method keeps its one dialog', () => {
    expect(sheet(tokenSpec(), 'html')).toContain('<h3>2. Username and password</h3>');
    const single = sheet(withSpec(() => {}));
    expect(single).toContain(
      'On the **Overview** tab click **Set up authentication** and choose the auth type **Basic**.',
    );
    expect(single).not.toContain('Auth Selection Key');
  });
});

describe('docs/authorization.md with several methods', () => {
  it('asks for the method first, then each method its own fields, then the parameters', () => {
    const spec = tokenSpec();
    const text = renderTemplate('docs-authorization.md', {
      connector: { displayName: spec.displayName, version: spec.version },
      authentication: authenticationModel(spec),
    });
    const lines = text.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines.slice(3)).toEqual([
      '4. **Authentication**: one of Client credentials, Username and password: the way this connection signs in.',
      '5. **Region**: (only with Client credentials) (shown, not entered) eu',
      '6. **Username**: (only with Username and password) your Username.',
      '7. **Password**: (only with Username and password) your Password.',
      '8. **Account ID**: (Text, required)',
      '9. **Client Secret**: (Password, required)',
      expect.stringMatching(/^10\. Click \*\*Create\*\*\./),
    ]);
  });
});
