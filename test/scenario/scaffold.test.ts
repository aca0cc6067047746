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
  it('names files after the action', () => {
    expect(scenarioFileName('Send Message via Messaging Service')).toBe(
      'send-message-via-messaging-service.yaml',
    );
  });
});
