/**
 * Test helper: checks a flopack against the structural rules of reference §1.4–§1.11 (what Okta's importer
 * and the `validate-flopack` tool enforce), plus the model key sets of real cards. Returns problems as text.
 */
import type { Card, Flo, FloInline, Flopack, IoField } from '../../src/flopack/types.js';

/** Model keys of every real kernel card (all samples share this set; `display`/`comments` are optional). */
export const KERNEL_MODEL_KEYS = [
  'type',
  '_v',
  'key',
  'executable',
  'displayed',
  'async',
  'cooperative',
  'mirrored',
  'inlined',
  'dependencies',
  'timeout',
  'idempotent',
  'monitor',
  'webhook',
  'webhookList',
  'webhookConditions',
  'mobile',
  'hooks',
  'policy',
  'metadata',
  'meta',
  'config',
  'partnerChannelKeys',
  'inputs',
  'outputs',
  'runtime',
];
/** Channel (HTTP function) cards add these (make_api_requests_http_card Raw Request). */
export const CHANNEL_EXTRA_KEYS = ['compat', 'display', 'comments', 'enableNewMetadata'];
const OPTIONAL_KERNEL_KEYS = new Set(['display', 'comments']);
const CARD_KEYS = ['joins', 'address', 'parents', 'uuid', 'branches', 'node', 'pins'];
const ID = /^[A-Za-z0-9_-]{6,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function checkFlopack(doc: Flopack): string[] {
  const problems: string[] = [];
  const p = (msg: string) => problems.push(msg);
  if (doc.type !== 'flopack' || !/^1\.\d+\.\d+$/.test(doc.version)) p('bad type/version');
  for (const section of ['flos', 'configs', 'tables', 'groups'] as const) {
    for (const [k, v] of Object.entries(doc.data[section] as Record<string, { id?: string }>)) {
      if (v.id !== k) p(`${section}: key ${k} != id`);
      if (section !== 'tables' && !UUID.test(k)) p(`${section}: ${k} is not a lower-case UUIDv4`);
    }
  }
  for (const c of Object.values(doc.data.configs)) if (c.data !== null) p(`config ${c.id} data not null`);
  for (const flo of Object.values(doc.data.flos)) {
    if (flo.data.uuid !== flo.id) p(`flo ${flo.name}: data.uuid != id`);
    if (flo.data.group && !doc.data.groups[flo.data.group]) p(`flo ${flo.name}: unknown group`);
    const first = flo.data.methods[0];
    if (first?.node.key !== 'callable' && first?.node.key !== 'accept')
      p(`flo ${flo.name}: first card is not an event card`);
    checkScope(doc, flo.data, flo.name, p, true);
    const preview = flo.data.display.preview ?? [];
    if (preview.length !== flo.data.methods.length) p(`flo ${flo.name}: display.preview out of sync`);
  }
  return problems;
}

function checkScope(
  doc: Flopack,
  scope: Flo['data'] | FloInline,
  where: string,
  p: (m: string) => void,
  top: boolean,
): void {
  const cards = new Map<string, Card>();
  const ioIds = new Set<string>();
  for (const card of scope.methods) {
    const at = `${where}/${card.node.data.name}(${card.uuid})`;
    if (cards.has(card.uuid)) p(`${at}: duplicate card uuid`);
    cards.set(card.uuid, card);
    checkCard(card, at, p);
    for (const io of [
      ...Object.values(card.node.model.inputs.data),
      ...Object.values(card.node.model.outputs.data),
    ]) {
      if (ioIds.has(io.id)) p(`${at}: IO id ${io.id} not unique in the flo`);
      ioIds.add(io.id);
    }
  }
  // Pins, branches, Compose placeholders, flo references, nested inline flos.
  for (const card of scope.methods) {
    const at = `${where}/${card.node.data.name}(${card.uuid})`;
    const outputs = card.node.model.outputs.data;
    for (const [outId, targets] of Object.entries(card.pins)) {
      if (!outputs[outId]) p(`${at}: pin from unknown output ${outId}`);
      for (const [target, pins] of Object.entries(targets)) {
        const t = cards.get(target);
        if (!t) p(`${at}: pin to card ${target} outside the flo scope`);
        for (const pin of pins)
          if (t && !t.node.model.inputs.data[pin.input]) p(`${at}: pin to unknown input ${pin.input}`);
      }
    }
    for (const head of Object.keys(card.branches))
      if (!cards.has(head)) p(`${at}: branch head ${head} missing`);
    for (const [input, joins] of Object.entries(card.joins)) {
      if (!card.node.model.inputs.data[input]) p(`${at}: join of unknown input`);
      for (const j of joins) if (!outputs[j.output]) p(`${at}: join to unknown output`);
    }
    const inputs = Object.values(card.node.model.inputs.data);
    if (card.node.key === 'compose') {
      const text = inputs.find((i) => i.key === '_text_')?.value.data;
      const keys = new Set(inputs.map((i) => i.key));
      for (const m of String(text ?? '').matchAll(/\{\{\{([^}]*)\}\}\}/g))
        if (!keys.has(m[1]!)) p(`${at}: placeholder ${m[1]} has no input`);
    }
    for (const io of inputs) {
      if (io.value.type !== 'flo') continue;
      const data = io.value.data;
      if (typeof data === 'string') {
        const target = doc.data.flos[data];
        if (!target) p(`${at}: flo reference ${data} does not resolve`);
        else if (target.data.methods[0]?.node.key !== 'callable')
          p(`${at}: called flo does not start with a Helper Flow`);
      } else if (data && typeof data === 'object') {
        checkInline(doc, data as FloInline, `${at}>try`, p, card);
      }
    }
    const policy = card.node.model.policy.error;
    if (policy.type === 'handler' && policy.flo) checkInline(doc, policy.flo, `${at}>error`, p, card);
  }
  checkOrderings(scope, cards, where, p, top);
}

function checkInline(doc: Flopack, flo: FloInline, where: string, p: (m: string) => void, owner: Card): void {
  if (flo.id !== flo.uuid) p(`${where}: inline flo id != uuid`);
  if (flo.methods[0]?.node.key !== 'callable') p(`${where}: inline flo does not start with a Helper Flow`);
  // Wormholes: every hidden context input on the owner names a card of some branch that has the same key.
  const start = flo.methods[0];
  for (const io of Object.values(start?.node.model.inputs.data ?? {})) {
    const w = io.metadata.wormholeMethodId;
    if (w === undefined) continue;
    if (w !== owner.uuid) p(`${where}: wormhole ${io.key} does not point at its If Error card`);
    const gate = Object.values(owner.node.model.inputs.data).find(
      (g) => g.key === io.key && g.group === 'context',
    );
    if (!gate || gate.metadata.wormholeMethodId !== start!.uuid)
      p(`${where}: wormhole ${io.key} has no matching gate`);
  }
  checkScope(doc, flo, where, p, false);
}

function checkCard(card: Card, at: string, p: (m: string) => void): void {
  if (Object.keys(card).join() !== CARD_KEYS.join()) p(`${at}: card keys ${Object.keys(card).join()}`);
  if (!ID.test(card.uuid)) p(`${at}: bad uuid`);
  if (card.address !== `${card.parents.version.address}:${card.node.key}`)
    p(`${at}: address/parents mismatch`);
  if (!card.parents.version.address.startsWith(`${card.parents.channel.address}:`))
    p(`${at}: version not under channel`);
  if (card.node.key !== card.node.model.key) p(`${at}: node.key != model.key`);
  const channel = card.address.startsWith('root:channels:');
  const keys = Object.keys(card.node.model).filter((k) => channel || !OPTIONAL_KERNEL_KEYS.has(k));
  const want = channel
    ? [
        ...KERNEL_MODEL_KEYS.slice(0, 8),
        'compat',
        ...KERNEL_MODEL_KEYS.slice(8),
        'display',
        'comments',
        'enableNewMetadata',
      ]
    : KERNEL_MODEL_KEYS;
  if (keys.join() !== want.join()) p(`${at}: model keys ${keys.join()}`);
  if (card.node.model.config !== null) p(`${at}: config is not null`);
  for (const [dir, wrapper] of [
    ['in', card.node.model.inputs],
    ['out', card.node.model.outputs],
  ] as const) {
    for (const [id, io] of Object.entries(wrapper.data) as Array<[string, IoField]>) {
      if (io.id !== id || !ID.test(id)) p(`${at}: ${dir} ${io.key} id/key mismatch`);
      if (io.value.collection && io.value.data !== null && !Array.isArray(io.value.data))
        p(`${at}: ${dir} ${io.key} collection data not a list`);
    }
  }
}

function checkOrderings(
  scope: Flo['data'] | FloInline,
  cards: Map<string, Card>,
  where: string,
  p: (m: string) => void,
  top: boolean,
): void {
  const incoming = new Set<string>();
  const touched = new Set<string>();
  for (const [key, pair] of Object.entries(scope.orderings)) {
    if (!ID.test(key)) p(`${where}: ordering key ${key}`);
    const [from, to] = pair;
    if (!cards.has(from) || !cards.has(to)) p(`${where}: ordering ${key} leaves the flo scope`);
    touched.add(from).add(to);
    if (from !== to) incoming.add(to);
  }
  const heads = new Set(scope.methods.flatMap((c) => Object.keys(c.branches)));
  const roots = scope.methods.filter((c) => !incoming.has(c.uuid) && !heads.has(c.uuid));
  if (roots.length !== 1) p(`${where}: ${roots.length} start cards (${roots.map((r) => r.node.key).join()})`);
  else if (roots[0]!.node.key !== 'callable' && !(top && roots[0]!.node.key === 'accept'))
    p(`${where}: start card is ${roots[0]!.node.key}`);
  if (scope.methods.length > 1)
    for (const c of scope.methods)
      if (!touched.has(c.uuid)) p(`${where}: card ${c.node.data.name} not ordered`);
}

/** Helper Flow custom inputs of a flo (keys of group-null or `parameters` fields). */
export function startInputs(flo: Flo): string[] {
  const start = flo.data.methods[0]!;
  return Object.values(start.node.model.inputs.data)
    .filter((i) => i.group !== 'context')
    .map((i) => i.key);
}

/** The Return card (the last `control:return` at top level) of a flo. */
export function returnCardOf(flo: Flo): Card {
  const r = flo.data.methods.filter((c) => c.node.key === 'return').at(-1);
  if (!r) throw new Error(`flo ${flo.name} has no Return card`);
  return r;
}
