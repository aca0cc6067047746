import { CONNECTION_INPUT_KEY, CONNECTION_INPUT_LABEL } from '../connector/contract.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { Scenario } from '../scenario/types.js';
import { FAIL_PREFIX, PASS, TEST_RESULT_FIELDS, testFolderFileName, testFolderName } from './test-flows.js';
import type { TestPlan } from './test-plan.js';

export const TESTING_MD = 'TESTING.md';

/** One scenario as TESTING.md describes it. */
export interface TestingScenarioView {
  name: string;
  file: string;
  runs: string;
  /** The test flow in the folder, when there is one. */
  flowName?: string;
  /** Why there is no test flow. */
  left?: string;
  setup: Array<{ step: number; action: string; options: string; inputs: string }>;
  options: string;
  inputs: string;
  connection?: string;
  expected: string;
  checks: string[];
  unchecked: string[];
}

export interface TestingView {
  connector: { name: string; displayName: string; version: string };
  folderFile: string;
  folderName: string;
  connectionLabel: string;
  connectionKey: string;
  connectionFields: string;
  passKey: string;
  resultKey: string;
  pass: string;
  failPrefix: string;
  flows: number;
  /** Actions built on Connector Builder's Paginate card, which runs only in a Connector Builder project. */
  paginated: string[];
  scenarios: TestingScenarioView[];
}

/** The model of TESTING.md (templates/handoff/testing.md.hbs): every scenario in file order, with or without a flow. */
export function buildTestingView(spec: ConnectorSpec, plan: TestPlan): TestingView {
  // The connection's fields, as the actions' start cards type it (GenerationContext.connectionField).
  const auth = plan.cases[0]?.call.signature.inputs.find((f) => f.key === CONNECTION_INPUT_KEY);
  const connectionKeys = auth && typeof auth.type === 'object' ? Object.keys(auth.type) : [];
  const views: TestingScenarioView[] = [];
  for (const c of plan.cases) {
    views.push({
      ...common(c.scenario, c.file),
      flowName: c.flowName,
      setup: c.setup.map((step, i) => ({
        step: i + 1,
        action: step.signature.name,
        options: json(c.scenario.setup[i]?.options ?? {}),
        inputs: json(c.scenario.setup[i]?.inputs ?? {}),
      })),
      checks: c.checks.map((k) => k.label),
      unchecked: c.unchecked,
    });
  }
  for (const l of plan.left)
    views.push({ ...common(l.scenario, l.file), left: l.reason, setup: [], checks: [], unchecked: [] });
  views.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    connector: { name: spec.name, displayName: spec.displayName, version: spec.version },
    folderFile: testFolderFileName(spec),
    folderName: testFolderName(spec),
    connectionLabel: CONNECTION_INPUT_LABEL,
    connectionKey: CONNECTION_INPUT_KEY,
    connectionFields: JSON.stringify(Object.fromEntries(connectionKeys.map((k) => [k, '…']))),
    passKey: TEST_RESULT_FIELDS.passed.label,
    resultKey: TEST_RESULT_FIELDS.result.label,
    pass: PASS,
    failPrefix: FAIL_PREFIX,
    flows: plan.cases.length,
    paginated: (spec.actions ?? []).filter((a) => a.pagination).map((a) => a.name),
    scenarios: views,
  };
}

function common(s: Scenario, file: string) {
  const expected = s.expect.error
    ? `fails with ${json(s.expect.error)}`
    : s.expect.outputs
      ? `returns ${json(s.expect.outputs)}`
      : 'succeeds';
  return {
    name: s.name,
    file,
    runs: s.authping ? '_authping (the connection check)' : `the action "${s.action}"`,
    options: json(s.options),
    inputs: json(s.inputs),
    ...(s.connection
      ? { connection: `its own connection (fields ${Object.keys(s.connection).join(', ')})` }
      : {}),
    expected,
  };
}

function json(value: unknown): string {
  return JSON.stringify(value);
}
