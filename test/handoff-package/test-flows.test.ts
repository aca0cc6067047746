import { basename, dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import {
  buildTestFolder,
  FAIL_PREFIX,
  PASS,
  TEST_RESULT_FIELDS,
} from '../../src/handoff-package/test-flows.js';
import { planTests, type TestPlan } from '../../src/handoff-package/test-plan.js';
import { lintFlopack } from '../../src/lint/index.js';
import { DEFAULT_CREDENTIALS, startMockTwilio, type MockTwilio } from '../../src/mock/twilio/index.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { scenarioFiles } from '../../src/scenario/suite.js';
import { createHttpTransport, runFlow } from '../../src/simulate/index.js';
import type { Flopack } from '../../src/flopack/types.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { loadTwilioSpec, TWILIO_SPEC_PATH } from '../generate/twilio-spec.js';

async function twilio(): Promise<{ spec: ConnectorSpec; plan: TestPlan; folder: Flopack }> {
  const spec = await loadTwilioSpec();
  const generated = generateConnector(spec);
  const files = await scenarioFiles(dirname(TWILIO_SPEC_PATH));
  const scenarios = await Promise.all(
    files.map(async (f) => ({ scenario: await loadScenarioFile(f), file: basename(f) })),
  );
  const plan = planTests(generated.flopack, generated.flows, scenarios);
  return { spec, plan, folder: buildTestFolder(spec, generated.flopack, plan) };
}

describe('submission test flows (.folder) for the Twilio scenarios', () => {
  let built: Awaited<ReturnType<typeof twilio>>;
  let mock: MockTwilio;
  beforeAll(async () => {
    built = await twilio();
    mock = await startMockTwilio({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('plans one test flow per scenario that runs an action without mock-only faults, and says why for the rest', () => {
    const { plan } = built;
    expect(plan.cases.map((c) => c.file)).toEqual([
      'custom-api-action.yaml',
      'delete-message.yaml',
      'get-message-not-found.yaml',
      'get-message.yaml',
      'invalid-to-number.yaml',
      'list-all-messages-max-items.yaml',
      'list-all-messages.yaml',
      'list-messages.yaml',
      'missing-required-input.yaml',
      'send-message.yaml',
      'send-via-messaging-service.yaml',
      'send-whatsapp-not-in-sandbox.yaml',
      'send-whatsapp-outside-24h.yaml',
      'send-whatsapp.yaml',
    ]);
    const left = Object.fromEntries(plan.left.map((l) => [l.file, l.reason]));
    expect(Object.keys(left)).toEqual([
      'authping-bad-credentials.yaml',
      'authping-ok.yaml',
      // A webhook event's flows: Okta runs them itself (turning a flow on or off, a delivery).
      'new-incoming-message-bad-url.yaml',
      'new-incoming-message-delivery.yaml',
      'new-incoming-message-deregister.yaml',
      'new-incoming-message-other-account.yaml',
      'new-incoming-message-register.yaml',
      'new-incoming-message-unknown-number.yaml',
      'rate-limited-retry.yaml',
      'rate-limited.yaml',
      'send-message-from-values.yaml',
      'server-error-retry.yaml',
      'server-error.yaml',
      'timeout.yaml',
    ]);
    expect(left['authping-ok.yaml']).toMatch(/_authping/);
    expect(left['timeout.yaml']).toMatch(/mock\.faults/);
    expect(left['send-message-from-values.yaml']).toMatch(/not an action/);
  });

  it('passes our own lint and is the same bytes every time', async () => {
    const errors = lintFlopack(built.folder, { file: 'twilio-tests.folder' }).filter(
      (d) => d.severity !== 'info',
    );
    expect(errors).toEqual([]);
    const again = await twilio();
    expect(serializeFlopack(again.folder)).toBe(serializeFlopack(built.folder));
  });

  it('holds the connector flows in a subfolder of the tests folder and calls the actions by Call Flow', () => {
    const groups = Object.values(built.folder.data.groups);
    const root = groups.find((g) => g.data.path === '');
    expect(root?.data.name).toBe('Twilio tests');
    expect(groups.filter((g) => g.data.path === root?.id)).toHaveLength(1);
    const test = Object.values(built.folder.data.flos).find((f) => f.name === 'Test Send Message succeeds');
    const tails = test?.data.methods.map((m) =>
      m.address
        .split(':')
        .filter((_, i, a) => i === a.length - 3 || i === a.length - 1)
        .join(':'),
    );
    expect(tails?.[0]).toBe('control:callable');
    expect(tails).toContain('control:spawn');
    expect(tails).toContain('control:assignIf');
    expect(tails?.at(-1)).toBe('control:return');
    const sendMessage = Object.values(built.folder.data.flos).find((f) => f.name === 'Send Message');
    const spawn = test?.data.methods.find((m) => m.address.endsWith('control:0.0.1:spawn'));
    const flo = Object.values(spawn?.node.model.inputs.data ?? {}).find((f) => f.key === 'flo');
    expect(flo?.value.data).toBe(sendMessage?.id);
  });

  it('every test flow passes when run by the simulator against the mock Twilio', async () => {
    const transport = createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: mock.url }] });
    const connection = {
      username: DEFAULT_CREDENTIALS.apiKeySid,
      password: DEFAULT_CREDENTIALS.apiKeySecret,
      accountSid: DEFAULT_CREDENTIALS.accountSid,
    };
    const results: Record<string, unknown> = {};
    for (const c of built.plan.cases) {
      mock.reset();
      // As Connector Builder does (contract.ts), the platform fills every flow's Auth section: the page flows of
      // paginated actions get the connection only so.
      const r = await runFlow(
        built.folder,
        c.flowName,
        { auth: connection },
        { transport, collectTrace: false, platformInputs: { auth: connection } },
      );
      results[c.file] = r.ok ? r.outputs[TEST_RESULT_FIELDS.result.key] : r.error.message;
    }
    expect(results).toEqual(Object.fromEntries(built.plan.cases.map((c) => [c.file, PASS])));
  });

  it('a test flow fails, naming the check, when the service answers otherwise', async () => {
    const transport = createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: mock.url }] });
    // A connection the mock refuses: Send Message fails, so its test does not pass.
    const wrong = {
      username: DEFAULT_CREDENTIALS.apiKeySid,
      password: 'wrong',
      accountSid: DEFAULT_CREDENTIALS.accountSid,
    };
    const r = await runFlow(
      built.folder,
      'Test Get Message on an unknown SID shows Twilio s 404',
      { auth: wrong },
      { transport, collectTrace: false },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.outputs[TEST_RESULT_FIELDS.passed.key]).toBe(false);
    expect(String(r.outputs[TEST_RESULT_FIELDS.result.key])).toMatch(new RegExp(`^${FAIL_PREFIX}`));
  });
});
