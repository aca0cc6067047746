import { CONNECTION_INPUT_KEY } from '../connector/contract.js';
import { suggestFlowName } from '../connector/flow-names.js';
import { addressTail } from '../flopack/read/address.js';
import type { Card, Flo, Flopack, IoField, IoType } from '../flopack/types.js';
import { isRegexMatcher } from '../scenario/match.js';
import type { Scenario, ScenarioStep } from '../scenario/types.js';
import type { GeneratedFlow } from './types.js';
import { regexLiterals } from './regex-fragments.js';

/**
 * What the submission's test flows do, scenario by scenario: the one model both the `.folder` (test-flows.ts) and
 * TESTING.md (testing-doc.ts) are written from. A scenario becomes a flow when it runs an action and needs nothing
 * only the embedded mock can do (faults, seeds, canned answers); the others are listed with the reason.
 */
export interface TestPlan {
  cases: TestCase[];
  /** Scenarios without a test flow, with why. */
  left: Array<{ scenario: Scenario; file: string; reason: string }>;
}

/** A field of an action flow's start card or Return card, as Call Flow passes or returns it. */
export interface FlowField {
  key: string;
  label: string;
  type: IoType;
  collection: boolean;
  option: boolean;
}

export interface FlowSignature {
  floId: string;
  name: string;
  inputs: FlowField[];
  outputs: FlowField[];
}

/** A placeholder the scenario uses (`${setup.0.sid}`), resolved to where the test flow finds it. */
export type ValueRef = { from: 'connection'; key: string } | { from: 'setup'; step: number; key: string };
/** A value fed to a card: a literal, or text made of literal parts and references. */
export type PlannedValue = { literal: unknown } | { parts: Array<string | ValueRef> };

export interface PlannedCall {
  signature: FlowSignature;
  args: Array<{ field: FlowField; value: PlannedValue }>;
}

/** Where a checked value comes from: an output of the action (by key and path) or the caught error. */
export type CheckSource =
  | { from: 'output'; key: string; path: string[] }
  | { from: 'error'; key: 'failed' | 'statusCode' | 'message' };

export type CheckTest =
  | { op: 'equals'; value: PlannedValue; type: IoType }
  | { op: 'empty' }
  | { op: 'not-empty' }
  | { op: 'contains'; text: string }
  | { op: 'starts-with'; text: string };

export interface PlannedCheck {
  /** As the Assign If card and the result text name it: `status is "queued"`. */
  label: string;
  source: CheckSource;
  test: CheckTest;
}

export interface TestCase {
  scenario: Scenario;
  /** The scenario's file name (no folder). */
  file: string;
  flowName: string;
  setup: PlannedCall[];
  call: PlannedCall;
  /** The run must fail (If Error catches it) rather than return. */
  expectsError: boolean;
  checks: PlannedCheck[];
  /** Expectations a Workflows flow cannot check, for TESTING.md. */
  unchecked: string[];
}

export const TEST_FLOW_PREFIX = 'Test ';

/** The test plan of a connector: its scenarios against the flows `generateConnector` wrote. */
export function planTests(
  flopack: Flopack,
  flows: readonly GeneratedFlow[],
  scenarios: ReadonlyArray<{ scenario: Scenario; file: string }>,
): TestPlan {
  const plan: TestPlan = { cases: [], left: [] };
  const byAction = new Map<string, FlowSignature>();
  for (const f of flows) {
    if (f.kind !== 'action' && f.kind !== 'capia') continue;
    const flo = flopack.data.flos[f.floId];
    if (flo) byAction.set(f.name, signatureOf(flo));
  }
  // A webhook event's flows: Okta starts them (a flow turned on or off, a delivery), never a test flow.
  const webhook = new Set(
    flows.filter((f) => ['webhook', 'registration', 'deregistration'].includes(f.kind)).map((f) => f.name),
  );
  const names = new Set<string>();
  for (const { scenario, file } of scenarios) {
    const reason =
      scenario.action && webhook.has(scenario.action)
        ? `runs "${scenario.action}", a webhook event's flow, which Okta starts itself (turning a flow on or off, a delivery to the Event URL)`
        : notExported(scenario, byAction);
    if (reason) {
      plan.left.push({ scenario, file, reason });
      continue;
    }
    try {
      // Letters, digits and spaces only (CBDE000003H): the folder also holds the connector's flows, and lint checks
      // every callable flow that returns by that rule.
      const base = `${TEST_FLOW_PREFIX}${suggestFlowName(scenario.name) ?? file.replace(/\.ya?ml$/i, '')}`;
      let flowName = suggestFlowName(base) ?? TEST_FLOW_PREFIX.trim();
      for (let n = 2; names.has(flowName); n++) flowName = `${suggestFlowName(base)} ${n}`;
      const planned = planCase(scenario, file, flowName, byAction);
      names.add(flowName);
      plan.cases.push(planned);
    } catch (error) {
      if (!(error instanceof PlanProblem)) throw error;
      plan.left.push({ scenario, file, reason: error.message });
    }
  }
  return plan;
}

class PlanProblem extends Error {}

function notExported(s: Scenario, actions: Map<string, FlowSignature>): string | undefined {
  if (s.authping)
    return 'it checks the connection (_authping), which Okta runs when a connection is created or tested';
  if (!s.action || !actions.has(s.action))
    return `runs "${s.action}", which is not an action of the connector`;
  const mockOnly = [
    s.mock.faults.length > 0 ? 'mock.faults' : '',
    s.mock.seed !== undefined ? 'mock.seed' : '',
    s.mock.responses.length > 0 ? 'mock.responses' : '',
    s.mock.cassette !== undefined ? 'mock.cassette' : '',
  ].filter(Boolean);
  if (mockOnly.length > 0)
    return `it needs the simulator's mock (${mockOnly.join(', ')}): the real service cannot be made to answer so on demand`;
  const badStep = s.setup.find((step) => step.authping || !step.action || !actions.has(step.action));
  if (badStep) return 'a setup step does not run an action of the connector';
  return undefined;
}

function planCase(
  s: Scenario,
  file: string,
  flowName: string,
  actions: Map<string, FlowSignature>,
): TestCase {
  const setup = s.setup.map((step, i) => planCall(step, actions, s, i));
  const call = planCall(s, actions, s, s.setup.length);
  const setupRefs = (value: PlannedValue) => {
    if (!('parts' in value)) return;
    for (const part of value.parts) {
      if (typeof part === 'string' || part.from !== 'setup') continue;
      const step = setup[part.step] as PlannedCall;
      const field = fieldNamed(step.signature.outputs, part.key);
      if (!field)
        throw new PlanProblem(
          `uses \${setup.${part.step}.${part.key}}, which ${step.signature.name} does not return`,
        );
      part.key = field.key;
    }
  };
  const unchecked: string[] = [];
  const checks: PlannedCheck[] = [];
  const resolve = (value: unknown) => plannedValue(value, s, s.setup.length);
  if (s.expect.error) {
    const { statusCode, message, kind } = s.expect.error;
    checks.push({
      label: `${call.signature.name} fails`,
      source: { from: 'error', key: 'failed' },
      test: { op: 'equals', value: { literal: true }, type: 'boolean' },
    });
    if (statusCode !== undefined) {
      checks.push(...checksFor(statusCode, { from: 'error', key: 'statusCode' }, 'status code', resolve));
    }
    if (message !== undefined) {
      checks.push(...checksFor(message, { from: 'error', key: 'message' }, 'error message', resolve));
    }
    if (kind !== undefined) unchecked.push(`the error is of kind ${String(kind)} (simulator only)`);
  } else {
    for (const [name, expected] of Object.entries(s.expect.outputs ?? {})) {
      const field = fieldNamed(call.signature.outputs, name);
      if (!field)
        throw new PlanProblem(`expects an output "${name}", which ${call.signature.name} does not return`);
      checks.push(...checksFor(expected, { from: 'output', key: field.key, path: [] }, field.label, resolve));
    }
  }
  for (const c of [...setup, call]) for (const a of c.args) setupRefs(a.value);
  for (const check of checks) if (check.test.op === 'equals') setupRefs(check.test.value);
  if (s.expect.requests)
    unchecked.push(
      s.expect.requests.length === 0
        ? 'no HTTP request is sent (simulator only)'
        : `${s.expect.requests.length} expected HTTP request(s) (simulator only)`,
    );
  if (containsList(s.expect.outputs))
    unchecked.push('list lengths (the flow checks the items listed, by position)');
  if (s.expect.messages)
    unchecked.push(`${s.expect.messages.length} expected message state(s) (simulator only)`);
  return {
    scenario: s,
    file,
    flowName,
    setup,
    call,
    expectsError: s.expect.error !== undefined,
    checks,
    unchecked,
  };
}

/** `steps`: how many setup steps ran before this call (the ones its values may refer to). */
function planCall(
  step: ScenarioStep,
  actions: Map<string, FlowSignature>,
  s: Scenario,
  steps: number,
): PlannedCall {
  const signature = actions.get(step.action as string) as FlowSignature;
  const args: PlannedCall['args'] = [];
  const auth = signature.inputs.find((f) => f.key === CONNECTION_INPUT_KEY);
  if (auth) args.push({ field: auth, value: { parts: [{ from: 'connection', key: '' }] } });
  for (const [group, values] of [
    ['options', step.options],
    ['inputs', step.inputs],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      const field = fieldNamed(
        signature.inputs.filter((f) => f.option === (group === 'options')),
        name,
      );
      if (!field) throw new PlanProblem(`gives ${group}.${name}, which ${signature.name} does not have`);
      args.push({ field, value: plannedValue(value, s, steps) });
    }
  }
  return { signature, args };
}

/** By key, else by the label a person sees (`Relative URL`). */
function fieldNamed(fields: readonly FlowField[], name: string): FlowField | undefined {
  return fields.find((f) => f.key === name) ?? fields.find((f) => f.label === name);
}

const WHOLE = /^\$\{(connection|inputs|options|setup)\.([^{}]+)\}$/;
const ANY = /\$\{(connection|inputs|options|setup)\.([^{}]+)\}/g;

/**
 * A scenario value with its placeholders (scenario/expect-requests.ts): `${inputs.x}` / `${options.x}` become what
 * the scenario passes, `${setup.n.key}` the output of setup step n, `${connection.key}` the connection's field.
 */
function plannedValue(value: unknown, s: Scenario, steps: number): PlannedValue {
  if (typeof value !== 'string' || !value.includes('${')) return { literal: value };
  const whole = WHOLE.exec(value);
  if (whole) {
    const [, source, key] = whole as unknown as [string, string, string];
    if (source === 'inputs' || source === 'options') {
      const given = (source === 'inputs' ? s.inputs : s.options)[key];
      if (given === undefined)
        throw new PlanProblem(`uses \${${source}.${key}}, which the scenario does not give`);
      return plannedValue(given, s, steps);
    }
  }
  const parts: Array<string | ValueRef> = [];
  let at = 0;
  for (const m of value.matchAll(ANY)) {
    if (m.index > at) parts.push(value.slice(at, m.index));
    parts.push(...refParts(m[1] as string, m[2] as string, s, steps));
    at = m.index + m[0].length;
  }
  if (at < value.length) parts.push(value.slice(at));
  return { parts };
}

function refParts(source: string, key: string, s: Scenario, steps: number): Array<string | ValueRef> {
  if (source === 'connection') return [{ from: 'connection', key }];
  if (source === 'setup') {
    const m = /^(\d+)\.(.+)$/.exec(key);
    const step = m ? Number(m[1]) : NaN;
    if (!m || !(step < Math.min(steps, s.setup.length)))
      throw new PlanProblem(`uses \${setup.${key}}, which names no earlier setup step`);
    return [{ from: 'setup', step, key: m[2] as string }];
  }
  const planned = plannedValue(`\${${source}.${key}}`, s, steps);
  if ('literal' in planned) return [String(planned.literal ?? '')];
  return planned.parts;
}

/** The checks that together test `expected` (a literal, `{ match }`, a mapping or a list) at `source`. */
function checksFor(
  expected: unknown,
  source: CheckSource,
  label: string,
  resolve: (value: unknown) => PlannedValue,
): PlannedCheck[] {
  const at = (key: string): CheckSource =>
    source.from === 'output' ? { ...source, path: [...source.path, key] } : source;
  if (isRegexMatcher(expected)) {
    const literals = regexLiterals(expected.match);
    const fragments = literals?.fragments ?? [];
    if (fragments.length === 0)
      return [
        { label: `${label} is not empty (pattern /${expected.match}/)`, source, test: { op: 'not-empty' } },
      ];
    return fragments.map((text, i) =>
      literals?.anchoredStart && i === 0
        ? { label: `${label} starts with ${JSON.stringify(text)}`, source, test: { op: 'starts-with', text } }
        : { label: `${label} contains ${JSON.stringify(text)}`, source, test: { op: 'contains', text } },
    );
  }
  if (expected === null) return [{ label: `${label} is empty`, source, test: { op: 'empty' } }];
  if (Array.isArray(expected)) {
    if (expected.length === 0) return [{ label: `${label} is an empty list`, source, test: { op: 'empty' } }];
    // Okta paths index lists by position (`messages.0.to`).
    return expected.flatMap((e, i) => checksFor(e, at(String(i)), `${label}.${i}`, resolve));
  }
  if (typeof expected === 'object') {
    const entries = Object.entries(expected as Record<string, unknown>);
    if (entries.length === 0) return [{ label: `${label} is present`, source, test: { op: 'not-empty' } }];
    if (source.from === 'error') {
      return [{ label: `${label} is not empty`, source, test: { op: 'not-empty' } }];
    }
    return entries.flatMap(([k, e]) => checksFor(e, at(k), `${label}.${k}`, resolve));
  }
  const type: IoType =
    typeof expected === 'number' ? 'number' : typeof expected === 'boolean' ? 'boolean' : 'string';
  const value = resolve(expected);
  const shown =
    'literal' in value
      ? JSON.stringify(value.literal)
      : value.parts
          .map((p) =>
            typeof p === 'string'
              ? JSON.stringify(p)
              : p.from === 'setup'
                ? `the ${p.key} of setup step ${p.step + 1}`
                : `the connection's ${p.key}`,
          )
          .join(' + ');
  return [{ label: `${label} is ${shown}`, source, test: { op: 'equals', value, type } }];
}

/** Inputs (start card custom fields) and outputs (Return fields) of a generated action flow. */
export function signatureOf(flo: Flo): FlowSignature {
  const methods = flo.data.methods;
  const start = methods.find((c) => addressTail(c.address) === 'control:callable');
  const ret = [...methods].reverse().find((c) => addressTail(c.address) === 'control:return');
  return {
    floId: flo.id,
    name: flo.name,
    inputs: start ? customFields(start, 'inputs') : [],
    outputs: ret ? customFields(ret, 'inputs') : [],
  };
}

function customFields(card: Card, side: 'inputs' | 'outputs'): FlowField[] {
  const fields = Object.values(card.node.model[side].data) as IoField[];
  return fields
    .filter((f) => f.group !== 'context')
    .sort((a, b) => Number(a.metadata?.index ?? 0) - Number(b.metadata?.index ?? 0))
    .map((f) => ({
      key: f.key,
      label: typeof f.metadata?.displayname === 'string' ? f.metadata.displayname : f.key,
      type: f.value.type,
      collection: f.value.collection,
      option: f.flags === 'p',
    }));
}

function containsList(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value === null || typeof value !== 'object' || isRegexMatcher(value)) return false;
  return Object.values(value).some(containsList);
}
