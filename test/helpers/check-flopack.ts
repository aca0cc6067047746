/**
 * Test helper: what a generated flopack must satisfy, as text. The structural rules of reference §1.4–§1.11 are
 * lint's (every finding, warnings included, fails); on top, the shape of what our builder writes, read through
 * the read model: the key set and order of each card and model as real exports have them, ids of the exports'
 * form, flows and inline flos that start with an event card, and If Error wormholes that point at each other.
 */
import { graphOf, readFlo, readFlopack, type CardInfo, type Scope } from '../../src/flopack/read/index.js';
import type { Card, Flo, Flopack } from '../../src/flopack/types.js';
import { lintFlopack } from '../../src/lint/index.js';

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
/** Channel (HTTP function, connector) cards: `compat` after `mirrored`, and a tail of three keys. */
const CHANNEL_MODEL_KEYS = [
  ...KERNEL_MODEL_KEYS.slice(0, 8),
  'compat',
  ...KERNEL_MODEL_KEYS.slice(8),
  'display',
  'comments',
  'enableNewMetadata',
];
const OPTIONAL_KERNEL_KEYS = new Set(['display', 'comments']);
const CARD_KEYS = ['joins', 'address', 'parents', 'uuid', 'branches', 'node', 'pins'];
const ID = /^[A-Za-z0-9_-]{6,14}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EVENT_TAILS = new Set(['control:callable', 'http:accept']);

export function checkFlopack(doc: Flopack): string[] {
  const problems = lintFlopack(doc).map((d) => `${d.code} ${d.where ?? d.pointer ?? ''}: ${d.message}`);
  const p = (msg: string) => problems.push(msg);
  for (const section of ['flos', 'configs', 'groups'] as const) {
    for (const k of Object.keys(doc.data[section]))
      if (!UUID_V4.test(k)) p(`${section}: ${k} is not a UUIDv4`);
  }
  const reading = readFlopack(doc);
  for (const scope of reading.scopes) {
    const start = graphOf(scope).start;
    if (!start || !EVENT_TAILS.has(start.tail) || (scope.inline && start.tail !== 'control:callable'))
      p(`${scope.flowName}${scope.inline ? ' (inline)' : ''}: does not start with an event card`);
    for (const card of scope.cards) checkCard(card, p);
    if (scope.owner) checkWormholes(scope, p);
  }
  for (const flo of Object.values(doc.data.flos)) {
    if ((flo.data.display.preview ?? []).length !== flo.data.methods.length)
      p(`flo ${flo.name}: display.preview out of sync`);
  }
  return problems;
}

function checkCard(card: CardInfo, p: (m: string) => void): void {
  const at = `${card.scope.flowName}/${card.name}(${card.uuid})`;
  if (Object.keys(card.card).join() !== CARD_KEYS.join())
    p(`${at}: card keys ${Object.keys(card.card).join()}`);
  const channel = card.parts?.family === 'channel';
  const keys = Object.keys(card.model ?? {}).filter((k) => channel || !OPTIONAL_KERNEL_KEYS.has(k));
  if (keys.join() !== (channel ? CHANNEL_MODEL_KEYS : KERNEL_MODEL_KEYS).join())
    p(`${at}: model keys ${keys.join()}`);
  if (card.model?.config !== null && card.tail !== 'okta:readUser') p(`${at}: config is not null`);
  for (const io of [...card.inputs.values(), ...card.outputs.values()])
    if (!ID.test(io.id)) p(`${at}: ${io.side} ${io.key} id ${io.id}`);
}

/** Every wormhole of an inline flo's start card names its If Error card, which has the matching gate. */
function checkWormholes(scope: Scope, p: (m: string) => void): void {
  const owner = scope.owner!.card;
  const start = graphOf(scope).start;
  for (const io of start?.inputs.values() ?? []) {
    const w = io.field.metadata.wormholeMethodId;
    if (w === undefined) continue;
    if (w !== owner.uuid) p(`${scope.flowName}: wormhole ${io.key} does not point at its If Error card`);
    const gate = [...owner.inputs.values()].find((g) => g.key === io.key && g.group === 'context');
    if (!gate || gate.field.metadata.wormholeMethodId !== start!.uuid)
      p(`${scope.flowName}: wormhole ${io.key} has no matching gate`);
  }
}

/** Helper Flow custom inputs of a flo (keys of group-null or `parameters` fields). */
export function startInputs(flo: Flo): string[] {
  const start = graphOf(readFlo(flo.data)).start!;
  return [...start.inputs.values()].filter((i) => i.group !== 'context').map((i) => i.key);
}

/** The Return card (the last `control:return` at top level) of a flo. */
export function returnCardOf(flo: Flo): Card {
  const r = readFlo(flo.data)
    .cards.filter((c) => c.tail === 'control:return')
    .at(-1);
  if (!r) throw new Error(`flo ${flo.name} has no Return card`);
  return r.card;
}
