import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateConnector } from '../../src/generate/index.js';
import { loadValidSpec } from '../../src/spec/validate.js';
import { REPO_ROOT } from '../support/fixtures.js';

/**
 * Flopacks (object form) for the differential test of flow-by-flow lint against whole-file lint: the fixtures, the
 * generated connectors, hand-made breakages of the cross-flow rules and seeded random breakages. Deterministic.
 */
export interface CorpusEntry {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** The flopack-shaped fixtures (test/fixtures/okta-hooks and the OpenAPI JSON are not flopacks). */
export const FIXTURE_FILES = [
  'test/fixtures/flopacks/stale-ordering.flopack',
  'test/fixtures/flopacks/preview-only.flow',
  'test/fixtures/okta-workflows/intro_custom_api_actions.flopack',
  'test/fixtures/okta-workflows/make_api_requests_http_card.flopack',
  'test/fixtures/okta-workflows/process_batched_okta_events_from_an_event_hook.flopack',
  'test/fixtures/okta-workflows/raw_http_connection_gsuite.flopack',
  'test/fixtures/okta-workflows/remove_user_from_all_non_built_in_okta_groups.flopack',
  'test/fixtures/okta-workflows/send_sms_via_twilio.flopack',
  'test/fixtures/okta-workflows/validate_email_domain_using_registration_inline_ho.flopack',
  'test/golden/twilio/twilio.flopack',
];

export const CONNECTOR_SPECS = [
  'connectors/twilio/connector.yaml',
  'connectors/slack/connector.yaml',
  'connectors/github/connector.yaml',
  'test/fixtures/connectors/session-token/connector.yaml',
];

export function fixtureEntries(): CorpusEntry[] {
  return FIXTURE_FILES.map((f) => ({ name: f, data: JSON.parse(readFileSync(join(REPO_ROOT, f), 'utf8')) }));
}

export async function generatedEntries(): Promise<CorpusEntry[]> {
  const out: CorpusEntry[] = [];
  for (const path of CONNECTOR_SPECS) {
    const { spec } = await loadValidSpec(join(REPO_ROOT, path), path);
    out.push({ name: `generated ${path}`, data: generateConnector(spec).flopack });
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const flowsOf = (fp: Any): Array<[string, Any]> => Object.entries(fp.data.flos);
const byName = (fp: Any, name: string): [string, Any] => flowsOf(fp).find(([, f]) => f.name === name)!;
/** Every input field (at any depth of inline flos) whose value references a flow. */
function floRefs(node: Any, out: Any[] = []): Any[] {
  if (Array.isArray(node)) node.forEach((n) => floRefs(n, out));
  else if (node && typeof node === 'object') {
    if (
      node.value &&
      typeof node.value === 'object' &&
      node.value.type === 'flo' &&
      typeof node.value.data === 'string'
    )
      out.push(node.value);
    for (const v of Object.values(node)) floRefs(v, out);
  }
  return out;
}

/**
 * Breakages aimed at the rules that compare flows or need the envelope, applied to a generated connector (`base`,
 * with httpHelper and _authping flows) and to a real export (`sample`).
 */
export function mutatedEntries(base: Any, sample: Any): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  const add = (name: string, from: Any, mutate: (fp: Any) => void) => {
    const fp = structuredClone(from);
    mutate(fp);
    out.push({ name: `mutated: ${name}`, data: fp });
  };
  const NEW = '00000000-0000-4000-8000-000000000001';
  add('duplicate names', base, (fp) => {
    const [a, b] = flowsOf(fp).slice(2, 4);
    b![1].name = a![1].name;
  });
  add('two _authping flows', base, (fp) => {
    const [, ping] = byName(fp, '_authping');
    fp.data.flos[NEW] = {
      ...structuredClone(ping),
      id: NEW,
      data: { ...structuredClone(ping.data), uuid: NEW },
    };
  });
  add('two _revoke-named flows and a reserved name on an action', base, (fp) => {
    const [, a] = flowsOf(fp)[3]!;
    a.name = '_authping';
    flowsOf(fp)[4]![1].name = '_revoke';
    flowsOf(fp)[5]![1].name = '_revoke';
  });
  add('Call Flow to a missing flow', base, (fp) => {
    floRefs(fp.data.flos)[0].data = NEW;
  });
  add('Call Flow to a flow without Helper Flow card', base, (fp) => {
    const [, helper] = byName(fp, 'httpHelper');
    helper.data.methods[0].address = helper.data.methods[0].address.replace('callable', 'other');
  });
  add('Call Flow to a flow without data', base, (fp) => {
    const [, helper] = byName(fp, 'httpHelper');
    delete helper.data;
  });
  add('Call Flow to a flow that is not an object', base, (fp) => {
    const [id] = byName(fp, 'httpHelper');
    fp.data.flos[id] = 42;
  });
  add('Call Flow arguments the helper does not take', base, (fp) => {
    for (const ref of floRefs(fp.data.flos).slice(0, 3)) ref.data = flowsOf(fp)[3]![0];
  });
  add('empty flow reference and no action flow', base, (fp) => {
    floRefs(fp.data.flos)[0].data = '';
    for (const [id, f] of flowsOf(fp))
      if (!['httpHelper', '_authping'].includes(f.name)) delete fp.data.flos[id];
  });
  add('pins into cards of other flows and inline flos', base, (fp) => {
    const flows = flowsOf(fp).map(([, f]) => f);
    const elsewhere = flows[1].data.methods[1].uuid;
    const card = flows[2].data.methods[0];
    card.pins = {
      ...(card.pins ?? {}),
      [Object.keys(card.node.model.outputs.data)[0] ?? 'x']: {
        [elsewhere]: [{ input: 'a' }],
        nowhere1234: [{ input: 'b' }],
      },
    };
    // A pin into a later flow too (whole-file lint sees it; flow by flow must remember it).
    const later = flows.at(-1).data.methods[0].uuid;
    flows[0].data.methods[0].pins = { out: { [later]: [] } };
  });
  add('bad ids', base, (fp) => {
    const flows = flowsOf(fp);
    const [, f1] = flows[0]!;
    const [id2, f2] = flows[1]!;
    const [, f3] = flows[2]!;
    f1.id = 'other';
    f2.data.uuid = 'NOT-A-UUID';
    delete fp.data.flos[id2];
    fp.data.flos['Flow Two'] = f2;
    f3.data.methods[0].uuid = 'x';
  });
  add('missing envelope keys', base, (fp) => {
    delete fp.created;
    delete fp.flags;
    fp.type = 'flow';
    fp.version = 2;
    fp.checksum = 'abc';
    delete fp.data.configs;
    fp.data.tables = [];
  });
  add('flows that are not objects', base, (fp) => {
    const ids = flowsOf(fp).map(([id]) => id);
    fp.data.flos[ids[2]!] = null;
    fp.data.flos[ids[3]!] = [1, 2];
    fp.data.flos[ids[4]!] = 'flow';
    fp.data.flos[ids[5]!].data.methods = {};
    fp.data.flos[ids[6]!].data.methods[1] = 7;
  });
  add('folders, configs and tables missing', base, (fp) => {
    fp.data.groups = {};
    const [, f] = flowsOf(fp)[2]!;
    f.data.group = 17;
    f.data.methods[0].node.model.config = 'nope';
  });
  add('flows sharing one object (a YAML alias)', base, (fp) => {
    const [, f] = flowsOf(fp).find(([, x]) => JSON.stringify(x.data).includes('"flo"'))!;
    fp.data.flos[NEW] = f;
  });
  add('scheduled without cron, endpoint security, preview', sample, (fp) => {
    const [, f] = flowsOf(fp)[0]!;
    f.data.scheduled = true;
    f.data.cron = {};
    f.data.security_level = 'high';
    f.data.display = { preview: [] };
  });
  add('connections and tables missing or of another module', sample, (fp) => {
    const [configId] = Object.keys(fp.data.configs);
    const cards = flowsOf(fp).flatMap(([, f]) => f.data.methods);
    const http = cards.find((c: Any) => c.address.includes(':channels:'));
    fp.data.configs[configId!].module = 'other';
    const copy = structuredClone(http);
    copy.uuid = 'copyOfHttp1';
    copy.node.model.config = 'toString';
    flowsOf(fp)[0]![1].data.methods.push(copy);
    // A Tables card naming a table the file lacks, one naming a table it has, one naming an inherited key.
    fp.data.tables = { t1: { id: 't1', name: 'T', data: { group_id: 'nowhere' } } };
    for (const [i, ref] of ['t1', 'missing', 'constructor', 5].entries()) {
      const stash = structuredClone(http);
      stash.uuid = `stashCard${i}`;
      stash.address = 'root:channels:http:stash:1.0.0:get';
      stash.node.model.inputs.data = {
        in1: { id: 'in1', key: 'stash', value: { type: 'static', data: ref } },
      };
      flowsOf(fp)[0]![1].data.methods.push(stash);
    }
  });
  add('flows in reverse order (every Call Flow and pin looks ahead)', base, (fp) => {
    fp.data.flos = Object.fromEntries(flowsOf(fp).reverse());
    const flows = flowsOf(fp).map(([, f]) => f);
    flows[0].data.methods[0].pins = { out: { [flows.at(-1).data.methods[1].uuid]: [] } };
  });
  add('data.flos is a list', sample, (fp) => {
    fp.data.flos = Object.values(fp.data.flos);
  });
  add('no data', sample, (fp) => {
    delete fp.data;
  });
  add('not an object', sample, () => undefined);
  out.push({ name: 'mutated: top level is a list', data: [1, 2] });
  out.push({ name: 'mutated: top level is a string', data: 'flopack' });
  return out;
}

/** A small seeded PRNG (mulberry32), so the random breakages are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` copies of `from`, each with a few values somewhere in the document replaced by something of another shape
 * (or deleted, or replaced by a card uuid or flow id found elsewhere in the file).
 */
export function fuzzedEntries(from: Any, count: number, seed: number, label: string): CorpusEntry[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out: CorpusEntry[] = [];
  for (let n = 0; n < count; n++) {
    const fp = structuredClone(from);
    const slots: Array<[Any, string | number]> = [];
    const ids: string[] = [];
    (function walk(node: Any, depth: number) {
      if (!node || typeof node !== 'object' || depth > 40) return;
      for (const [k, v] of Object.entries(node)) {
        slots.push([node, Array.isArray(node) ? Number(k) : k]);
        if ((k === 'uuid' || k === 'id') && typeof v === 'string') ids.push(v);
        walk(v, depth + 1);
      }
    })(fp, 0);
    const edits = 1 + Math.floor(next() * 4);
    for (let e = 0; e < edits; e++) {
      const [holder, key] = pick(slots);
      const replacement = pick<() => unknown>([
        () => null,
        () => 42,
        () => 'x',
        () => [],
        () => ({}),
        () => pick(ids),
        () => pick(ids),
        () => '_authping',
        () => undefined,
      ])();
      if (replacement === undefined && !Array.isArray(holder)) delete holder[key];
      else holder[key] = replacement ?? null;
    }
    out.push({ name: `fuzzed ${label} #${n}`, data: fp });
  }
  return out;
}

/** The whole corpus. */
export async function lintCorpus(fuzzCount = 60): Promise<CorpusEntry[]> {
  const fixtures = fixtureEntries();
  const generated = await generatedEntries();
  const twilio = generated[0]!.data;
  const sample = fixtures.find((f) => f.name.endsWith('send_sms_via_twilio.flopack'))!.data;
  const small = fixtures.find((f) =>
    f.name.endsWith('remove_user_from_all_non_built_in_okta_groups.flopack'),
  )!.data;
  return [
    ...fixtures,
    ...generated,
    ...mutatedEntries(twilio, sample),
    ...fuzzedEntries(twilio, fuzzCount, 1, 'twilio'),
    ...fuzzedEntries(sample, fuzzCount, 2, 'twilio sample'),
    ...fuzzedEntries(small, fuzzCount, 3, 'groups sample'),
  ];
}
