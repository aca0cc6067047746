import { describe, it, expect } from 'vitest';
import { loadValidSpec } from '../../src/spec/validate.js';
import { scaffoldScenario, scenarioFileName } from '../../src/scenario/scaffold.js';
import { parseScenario } from '../../src/scenario/load.js';

describe('scaffoldScenario', () => {
  it('writes a valid scenario for every Twilio action, with its options and required inputs', async () => {
    const { spec } = await loadValidSpec('connectors/twilio/connector.yaml');
    for (const action of spec.actions) {
      const text = scaffoldScenario(spec, action);
      const s = parseScenario(text, scenarioFileName(action.name));
      expect(s.action).toBe(action.name);
      expect(Object.keys(s.options)).toEqual((action.options ?? []).map((o) => o.key));
      for (const input of action.inputs ?? []) {
        if (input.required) expect(s.inputs).toHaveProperty(input.key, 'TODO');
      }
      expect(s.expect.requests?.[0]?.method).toBe(action.request.method);
      expect(s.expect.requests?.[0]?.path).toBe(
        `/2010-04-01/Accounts/\${connection.accountSid}${action.request.path}`,
      );
    }
  });
  it('fits a connector that is not Twilio: its own connection keys, a stub example, no Twilio mock features', async () => {
    const { spec: twilio } = await loadValidSpec('connectors/twilio/connector.yaml');
    const spec = {
      ...twilio,
      displayName: 'Stats',
      baseUrl: 'https://api.example.com/v1',
      authentication: {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: 'https://example.com/token',
      },
      connectionParameters: [{ key: 'region', label: 'Region', type: 'text' }],
    } as unknown as typeof twilio;
    delete spec.mock;
    const action = {
      ...twilio.actions[0]!,
      name: 'Get Stats',
      request: { method: 'GET', path: '/stats' },
    } as never;
    const text = scaffoldScenario(spec, action);
    expect(text).not.toMatch(/twilio|messages\.create|21211|accountSid|settle/i);
    expect(text).toContain('# connection: { access_token: ..., region: ... }');
    expect(text).toContain("#     - when: { method: GET, path: '/stats' }");
    const s = parseScenario(text, 'get-stats.yaml');
    expect(s.expect.requests?.[0]).toMatchObject({ method: 'GET', path: '/v1/stats' });
    expect(scaffoldScenario(twilio, twilio.actions[0]!)).toContain('faults: [{ route: messages.create');
  });
  it('names files after the action', () => {
    expect(scenarioFileName('Send Message via Messaging Service')).toBe(
      'send-message-via-messaging-service.yaml',
    );
  });

  it("checks a paginated action's count with its pattern, not the list of items", async () => {
    const { spec } = await loadValidSpec('connectors/slack/connector.yaml');
    const action = spec.actions.find((a) => a.pagination)!;
    const s = parseScenario(scaffoldScenario(spec, action), scenarioFileName(action.name));
    expect(s.expect.outputs).toEqual({ count: { match: '.+' } });
  });
});
