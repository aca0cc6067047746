import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { buildTestFolder, PASS, TEST_RESULT_FIELDS } from '../../src/handoff-package/test-flows.js';
import { planTests } from '../../src/handoff-package/test-plan.js';
import { lintFlopack } from '../../src/lint/index.js';
import { parseScenario } from '../../src/scenario/load.js';
import { runFlow, type HttpRequest } from '../../src/simulate/index.js';
import { baseSpec } from '../spec/helpers.js';

const spec = baseSpec();
const generated = generateConnector(spec);
const scenario = (file: string, yaml: string) => ({ scenario: parseScenario(yaml, `tests/${file}`), file });

describe('planTests and the test flows on a small connector', () => {
  const scenarios = [
    scenario(
      'reply.yaml',
      [
        'name: Reply quotes the first message id',
        'setup: [{ action: Send Message, options: { from: "+1555" }, inputs: { to: "+1666", body: first } }]',
        'action: Send Message',
        'options: { from: "+1555" }',
        'inputs: { To: "+1666", body: "Re: ${setup.0.ID}" }',
        'expect: { outputs: { ID: "${setup.0.id}" } }',
      ].join('\n'),
    ),
    scenario(
      'unknown-output.yaml',
      'name: x\naction: Send Message\noptions: { from: "1" }\ninputs: { to: "2" }\nexpect: { outputs: { nope: 1 } }\n',
    ),
    scenario('unknown-input.yaml', 'name: x\naction: Send Message\ninputs: { colour: red }\n'),
    scenario('seeded.yaml', 'name: y\naction: Send Message\nmock: { seed: seed.yaml }\n'),
    scenario(
      'refused.yaml',
      'name: Refused\naction: Send Message\noptions: { from: "1" }\ninputs: { to: "2" }\nexpect: { error: { statusCode: 403, message: { match: "^Forbidden" } } }\n',
    ),
    scenario(
      'dup-a.yaml',
      'name: Same name\naction: Send Message\noptions: { from: "1" }\ninputs: { to: "2" }\n',
    ),
    scenario(
      'dup-b.yaml',
      'name: Same name!\naction: Send Message\noptions: { from: "1" }\ninputs: { to: "2" }\n',
    ),
  ];
  const plan = planTests(generated.flopack, generated.flows, scenarios);

  it("resolves inputs and outputs by key or label, setup references to the step's output key", () => {
    const reply = plan.cases.find((c) => c.file === 'reply.yaml')!;
    const body = reply.call.args.find((a) => a.field.key === 'body')!;
    expect(body.value).toEqual({ parts: ['Re: ', { from: 'setup', step: 0, key: 'id' }] });
    expect(reply.call.args.map((a) => a.field.key)).toEqual(['auth', 'from', 'to', 'body']);
    expect(reply.checks).toEqual([
      {
        label: 'ID is the id of setup step 1',
        source: { from: 'output', key: 'id', path: [] },
        test: { op: 'equals', value: { parts: [{ from: 'setup', step: 0, key: 'id' }] }, type: 'string' },
      },
    ]);
  });

  it('leaves out, with the reason, what a flow cannot do; gives repeated names a number', () => {
    expect(Object.fromEntries(plan.left.map((l) => [l.file, l.reason]))).toEqual({
      'unknown-output.yaml': 'expects an output "nope", which Send Message does not return',
      'unknown-input.yaml': 'gives inputs.colour, which Send Message does not have',
      'seeded.yaml': expect.stringContaining('mock.seed'),
    });
    expect(plan.cases.filter((c) => c.file.startsWith('dup')).map((c) => c.flowName)).toEqual([
      'Test Same name',
      'Test Same name 2',
    ]);
  });

  it('runs: setup output composed into the input, compared with the output, PASS', async () => {
    const folder = buildTestFolder(spec, generated.flopack, plan);
    expect(lintFlopack(folder, { file: 'acme-tests.folder' }).filter((d) => d.severity !== 'info')).toEqual(
      [],
    );
    const sent: HttpRequest[] = [];
    const transport = async (req: HttpRequest) => {
      sent.push(req);
      return {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: `M${sent.length}` }),
      };
    };
    const name = plan.cases.find((c) => c.file === 'reply.yaml')!.flowName;
    const auth = { username: 'k', password: 's', accountId: 'A1' };
    const r = await runFlow(folder, name, { auth }, { transport, collectTrace: false });
    expect(r.ok && r.outputs).toMatchObject({
      [TEST_RESULT_FIELDS.result.key]: `FAIL: ID is the id of setup step 1`,
    });
    // The mock gives each message a new id, so the reply's id differs from the first: the check fails, by name.
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body).toContain(`Body=${encodeURIComponent('Re: M1')}`);
    const same = async (req: HttpRequest) => {
      sent.push(req);
      return { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"M1"}' };
    };
    const again = await runFlow(folder, name, { auth }, { transport: same, collectTrace: false });
    expect(again.ok && again.outputs).toMatchObject({
      [TEST_RESULT_FIELDS.passed.key]: true,
      [TEST_RESULT_FIELDS.result.key]: PASS,
    });
  });

  it('an expected error: passes when the action fails so, names the check when it does not', async () => {
    const folder = buildTestFolder(spec, generated.flopack, plan);
    const name = plan.cases.find((c) => c.file === 'refused.yaml')!.flowName;
    const auth = { username: 'k', password: 's', accountId: 'A1' };
    const answer = (status: number, body: object) => async () => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const run = async (status: number, body: object) => {
      const r = await runFlow(
        folder,
        name,
        { auth },
        { transport: answer(status, body), collectTrace: false },
      );
      return r.ok ? r.outputs[TEST_RESULT_FIELDS.result.key] : r.error.message;
    };
    expect(await run(403, { message: 'Forbidden: no' })).toBe(PASS);
    expect(await run(201, { id: 'M1' })).toBe('FAIL: Send Message fails');
    expect(await run(404, { message: 'Forbidden: no' })).toBe('FAIL: status code is 403');
    expect(await run(403, { message: 'Nope' })).toBe('FAIL: error message starts with "Forbidden"');
  });
});
