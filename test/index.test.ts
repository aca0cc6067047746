import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { packagePath } from '../src/util/paths.js';

describe('the library entry point', () => {
  it('validates, generates, lints and simulates the Twilio connector without the CLI', async () => {
    const { spec, warnings } = await lib.loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
    expect(warnings).toEqual([]);
    const { flopack, flows } = lib.generateConnector(spec);
    expect(flows.map((f) => f.kind)).toContain('capia');
    expect(lib.lintFlopack(flopack, { connector: true }).filter((d) => d.severity === 'error')).toEqual([]);
    const mock = await lib.startMockTwilio();
    try {
      const c = lib.DEFAULT_CREDENTIALS;
      const result = await lib.runFlow(
        flopack,
        'Send Message',
        {
          auth: { username: c.apiKeySid, password: c.apiKeySecret, accountSid: c.accountSid },
          from: '+15005550006',
          to: '+14155550100',
          body: 'from the library',
        },
        {
          transport: lib.createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: mock.url }] }),
        },
      );
      expect(result.ok && result.outputs.status).toBe('queued');
      expect(mock.messages()[0]).toMatchObject({ body: 'from the library', to: '+14155550100' });
    } finally {
      await mock.close();
    }
  });
});
