import {
  CONNECTION_INPUT_KEY,
  CONNECTION_INPUT_LABEL,
  FLOPACK_FLAGS,
  FLOPACK_VERSION,
  GENERATED_CREATED,
} from '../connector/contract.js';
import {
  FlowBuilder,
  IdFactory,
  TryCatch,
  addStartField,
  assignIf,
  callFlow,
  compose,
  find,
  helperFlowStart,
  isOutputRef,
  returnWith,
  type CardHandle,
  type Condition,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo, Flopack, IoType } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import type {
  FlowSignature,
  PlannedCall,
  PlannedCheck,
  PlannedValue,
  TestCase,
  TestPlan,
  ValueRef,
} from './test-plan.js';

/** What every test flow returns: whether all checks held, and `PASS` or the last failed check. */
export const TEST_RESULT_FIELDS = {
  passed: { key: 'passed', label: 'Passed' },
  result: { key: 'result', label: 'Result' },
} as const;
export const PASS = 'PASS';
export const FAIL_PREFIX = 'FAIL: ';

/**
 * In a `tests/` folder of the package: `simulate <dist folder>` reads the one export at the top of the folder (the
 * connector's flopack), and the test folder is a second export.
 */
export function testFolderFileName(spec: Pick<ConnectorSpec, 'name'>): string {
  return `tests/${spec.name}-tests.folder`;
}

export function testFolderName(spec: Pick<ConnectorSpec, 'displayName'>): string {
  return `${spec.displayName} tests`;
}

/**
 * The submission's test flows as a Workflows folder export (`.folder`, the flopack format, reference §1.1): one flow
 * per planned scenario, in a folder `<Connector> tests`, with the connector's own flows in a subfolder so the
 * Call Flow cards that stand in for the connector's action cards (as in the generated flows, contract.ts) find
 * their flows on import. Each test flow: Helper Flow (the connection as its one input) → setup Call Flows → the
 * action's Call Flow (inside If Error when the scenario expects an error) → one Assign If per check (last to first,
 * so the result names the first failed check) → Return `passed` / `result`. Ids derive from the connector and the scenario files: the same input gives the same bytes.
 */
export function buildTestFolder(spec: ConnectorSpec, connector: Flopack, plan: TestPlan): Flopack {
  const ids = new IdFactory();
  const groupId = ids.uuid(`${spec.name}/tests/group`);
  const flos: Record<string, Flo> = { ...connector.data.flos };
  for (const c of plan.cases) {
    const flo = buildTestFlow(spec, ids, groupId, c);
    flos[flo.id] = flo;
  }
  const groups: Flopack['data']['groups'] = {
    [groupId]: {
      id: groupId,
      data: {
        name: testFolderName(spec),
        description: `Test flows of the ${spec.displayName} connector, one per scenario (see TESTING.md).`,
        media_uri: '',
        path: '',
      },
    },
  };
  for (const g of Object.values(connector.data.groups))
    groups[g.id] = { id: g.id, data: { ...g.data, path: groupId } };
  return {
    type: 'flopack',
    version: FLOPACK_VERSION,
    created: GENERATED_CREATED,
    flags: { ...FLOPACK_FLAGS },
    data: { flos, configs: {}, tables: {}, groups },
  };
}

function buildTestFlow(spec: ConnectorSpec, root: IdFactory, groupId: string, c: TestCase): Flo {
  const flow = new FlowBuilder(root.scope(), `${spec.name}/tests/${c.file}`);
  const start = helperFlowStart(flow);
  const authField = c.call.signature.inputs.find((f) => f.key === CONNECTION_INPUT_KEY);
  const auth = addStartField(start, {
    key: CONNECTION_INPUT_KEY,
    type: authField?.type ?? 'object',
    data: {},
    metadata: { displayname: CONNECTION_INPUT_LABEL },
  }).output;

  const setupCards: CardHandle[] = [];
  const outer = (value: PlannedValue, path: string): Value => valueIn(flow, value, path, auth, setupCards);
  c.setup.forEach((step, i) => {
    const card = callFlow(
      flow,
      `setup/${i}`,
      calledFields(step.signature),
      `Setup ${i + 1}: ${step.signature.name}`,
    );
    for (const arg of step.args)
      flow.set(card.input(arg.field.key), outer(arg.value, `setup/${i}/${arg.field.key}`));
    setupCards.push(card);
  });

  // Every argument is made in the test flow first, so If Error can carry it into its try branch.
  const args = c.call.args.map((arg) => ({
    key: arg.field.key,
    type: arg.field.type,
    value: outer(arg.value, `call/${arg.field.key}`),
  }));
  const actual = c.expectsError ? caught(flow, c.call, args) : called(flow, c.call, args);

  // Result = PASS or the FIRST failed check: the Assign If cards are chained from the last check to the first, each
  // passing on what the later ones gave when its own check holds (an action that did not fail fails every check
  // after "fails"; the first one is the one that says why).
  const conditions = c.checks.map((check, i) => conditionOf(flow, check, actual(check), `check/${i}`, outer));
  let result: Value = PASS;
  for (let i = c.checks.length - 1; i >= 0; i--) {
    const label = (c.checks[i] as PlannedCheck).label;
    result = assignIf(
      flow,
      `check/${i}`,
      conditions[i] as Condition,
      result,
      `${FAIL_PREFIX}${label}`,
      'string',
      `Check ${label}`,
    );
  }
  const passed = assignIf(
    flow,
    'passed',
    { left: result, operator: '==', right: PASS },
    true,
    false,
    'boolean',
    'All checks passed?',
  );
  const ret = returnWith(flow, [
    [
      {
        key: TEST_RESULT_FIELDS.passed.key,
        type: 'boolean',
        metadata: { displayname: TEST_RESULT_FIELDS.passed.label },
      },
      passed,
    ],
    [
      {
        key: TEST_RESULT_FIELDS.result.key,
        type: 'string',
        metadata: { displayname: TEST_RESULT_FIELDS.result.label },
      },
      result,
    ],
  ]);
  flow.chainAll(ret);
  return flow.build({
    id: root.uuid(`${spec.name}/tests/${c.file}/flo`),
    name: c.flowName,
    description: `Scenario ${c.file}: ${c.scenario.name}`,
    group: groupId,
  });
}

type Arg = { key: string; type: IoType; value: Value };
/** How a check reads the value it tests. */
type Actual = (check: PlannedCheck) => OutputRef;

/** The action called directly: checks read its outputs. */
function called(flow: FlowBuilder, call: PlannedCall, args: Arg[]): Actual {
  const card = callFlow(flow, 'call', calledFields(call.signature), call.signature.name);
  for (const a of args) flow.set(card.input(a.key), a.value);
  return (check) => {
    if (check.source.from !== 'output')
      throw new Error(`check "${check.label}" reads an error of a call that returns`);
    const out = card.output(check.source.key);
    return check.source.path.length ? flow.path(out, check.source.path, pathType(check)) : out;
  };
}

/**
 * The action called inside If Error: the try branch returns `failed: false`, the error branch `failed: true` with the
 * error's status code and message (the plan's first check: `failed` is true).
 */
function caught(flow: FlowBuilder, call: PlannedCall, args: Arg[]): Actual {
  const tc = new TryCatch(flow, 'try', `If Error ${call.signature.name}`);
  const card = callFlow(tc.tryFlow, 'call', calledFields(call.signature), call.signature.name);
  for (const a of args) {
    const v = isOutputRef(a.value) ? tc.wormhole(a.value, 'try', a.type) : a.value;
    tc.tryFlow.set(card.input(a.key), v);
  }
  const failed = tc.output('failed', 'boolean', false, true);
  const status = tc.output(
    'statusCode',
    'number',
    null,
    tc.errorFlow.path(tc.error, ['statusCode'], 'number'),
  );
  const message = tc.output('message', 'string', '', tc.errorFlow.path(tc.error, ['message']));
  tc.tryFlow.chainAll(tc.tryReturn);
  tc.errorFlow.chainAll(tc.errorReturn);
  return (check) => {
    if (check.source.from !== 'error')
      throw new Error(`check "${check.label}" reads an output of a call that fails`);
    return { failed, statusCode: status, message }[check.source.key];
  };
}

function pathType(check: PlannedCheck): IoType {
  return check.test.op === 'equals' ? check.test.type : 'string';
}

function conditionOf(
  flow: FlowBuilder,
  check: PlannedCheck,
  actual: OutputRef,
  path: string,
  outer: (value: PlannedValue, path: string) => Value,
): Condition {
  const t = check.test;
  switch (t.op) {
    case 'equals':
      return { left: actual, operator: '==', right: outer(t.value, `${path}/expected`), type: t.type };
    case 'empty':
      return { left: actual, operator: 'is empty' };
    case 'not-empty':
      return { left: actual, operator: 'is not empty' };
    case 'contains':
    case 'starts-with': {
      const at = find(flow, `${path}/find`, actual, t.text, `Find ${JSON.stringify(t.text)}`);
      return t.op === 'contains'
        ? { left: at, operator: '>=', right: 0, type: 'number' }
        : { left: at, operator: '==', right: 0, type: 'number' };
    }
  }
}

/** A planned value in `flow`: a literal as is, one reference pinned, text with references composed. */
function valueIn(
  flow: FlowBuilder,
  value: PlannedValue,
  path: string,
  auth: OutputRef,
  setup: CardHandle[],
): Value {
  if ('literal' in value) return value.literal as Value;
  const ref = (r: ValueRef): OutputRef => {
    if (r.from === 'connection') return r.key === '' ? auth : flow.path(auth, [r.key]);
    const card = setup[r.step];
    if (!card) throw new Error(`setup step ${r.step} is not in the test flow`);
    return card.output(r.key);
  };
  const parts = value.parts.map((p) => (typeof p === 'string' ? p : ref(p)));
  if (parts.length === 1 && isOutputRef(parts[0])) return parts[0];
  return compose(flow, `compose/${path}`, parts, 'Compose value');
}

function calledFields(signature: FlowSignature) {
  return {
    floId: signature.floId,
    inputs: signature.inputs.map((f) => ({ key: f.key, type: f.type, collection: f.collection })),
    outputs: signature.outputs.map((f) => ({ key: f.key, type: f.type, collection: f.collection })),
  };
}
