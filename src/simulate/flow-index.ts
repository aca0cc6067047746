import type { Card, IoField } from '../flopack/types.js';
import { isSecretName } from './redact.js';

/** One pin, resolved to the target card's slot. */
export interface PinOut {
  outputId: string;
  target: number;
  inputId: string;
  convert: string | undefined;
  force: boolean;
}

export interface CardInfo {
  idx: number;
  card: Card;
  uuid: string;
  tail: string;
  name: string;
  inputs: IoField[];
  outputs: IoField[];
  preds: number[];
  /** Set on If/Else branch heads (reference §1.6 branches). */
  branchHead?: { ifIdx: number; value: boolean };
  pinnedInputs: Set<string>;
  outPins: PinOut[];
  /** Output id <- input field, for mirrored cards (same group+key) and Join's `joins` map. */
  echo: Array<[string, IoField]>;
  timeoutMs: number;
  retry: number;
  retryDelayMs: number;
  /** Some field is named like a secret: card trace events go through redaction. */
  secretish: boolean;
}

export interface FloIndex {
  uuid: string;
  cards: CardInfo[];
  byUuid: Map<string, CardInfo>;
  /** Topological order of the orderings (plus If -> branch heads); ties keep `methods` order. */
  order: CardInfo[];
  start: CardInfo | undefined;
  /** Why this flo cannot run (no start card, a cycle), or undefined. */
  problem: string | undefined;
}

export interface FloLike {
  uuid: string;
  methods: Card[];
  orderings: Record<string, [string, string]>;
}

/** `control:if`, `httpfunctions:raw`: module/channel and key, ignoring the version (reference §1.4 grammar). */
export function addressTail(address: string): string {
  const parts = address.split(':');
  return parts.length >= 3 ? `${parts[parts.length - 3]}:${parts[parts.length - 1]}` : address;
}

const EVENT_TAILS = new Set(['control:callable', 'http:accept', 'http:delegated']);
const LOOP_TAILS = new Set([
  'control:tryCatch',
  'control:spawn',
  'list:each',
  'list:asyncEach',
  'list:map',
  'list:reduce',
  'list:filter',
  'list:findBy',
  'control:branch',
]);

/** model.timeout, else the defaults seen in exports (reference §1.4/§2.9): 30 s HTTP, 90 s functions, 300 s loops. */
function timeoutOf(card: Card, tail: string): number {
  const t = card.node?.model?.timeout;
  if (typeof t === 'number' && t > 0) return t;
  if (!card.address.startsWith('root:kernel:')) return 30_000;
  return LOOP_TAILS.has(tail) ? 300_000 : 90_000;
}

function byIndex(a: IoField, b: IoField): number {
  return (a.metadata?.index ?? 0) - (b.metadata?.index ?? 0);
}

const cache = new WeakMap<object, FloIndex>();

/** Indexes a flo once (cached per flo object): cards by uuid, pins by target, orderings adjacency, start card. */
export function indexFlo(flo: FloLike): FloIndex {
  const hit = cache.get(flo);
  if (hit) return hit;
  const idx = buildIndex(flo);
  cache.set(flo, idx);
  return idx;
}

function buildIndex(flo: FloLike): FloIndex {
  const methods = Array.isArray(flo.methods) ? flo.methods : [];
  const byUuid = new Map<string, CardInfo>();
  const cards: CardInfo[] = methods.map((card, i) => {
    const tail = addressTail(card.address ?? '');
    const inputs = Object.values(card.node?.model?.inputs?.data ?? {}).sort(byIndex);
    const outputs = Object.values(card.node?.model?.outputs?.data ?? {}).sort(byIndex);
    const policy = card.node?.model?.policy?.error as
      { type?: string; retry?: number; delay?: number } | undefined;
    const info: CardInfo = {
      idx: i,
      card,
      uuid: card.uuid,
      tail,
      name: card.node?.data?.name ?? card.node?.key ?? tail,
      inputs,
      outputs,
      preds: [],
      pinnedInputs: new Set(),
      outPins: [],
      echo: [],
      timeoutMs: timeoutOf(card, tail),
      retry: policy?.type === 'finish' && typeof policy.retry === 'number' ? Math.max(0, policy.retry) : 0,
      retryDelayMs: typeof policy?.delay === 'number' ? policy.delay : 0,
      secretish: [...inputs, ...outputs].some(
        (f) => isSecretName(f.key) || isSecretName(f.metadata?.displayname ?? ''),
      ),
    };
    byUuid.set(card.uuid, info);
    return info;
  });

  for (const info of cards) {
    const { card } = info;
    // Pins live on the source card: pins[outputId][targetUuid] = [{input, transform}] (reference §1.6).
    for (const [outputId, targets] of Object.entries(card.pins ?? {})) {
      for (const [targetUuid, pins] of Object.entries(targets ?? {})) {
        const target = byUuid.get(targetUuid);
        if (!target || !Array.isArray(pins)) continue;
        for (const pin of pins) {
          const t = pin.transform ? (pin.transform[outputId] ?? Object.values(pin.transform)[0]) : undefined;
          info.outPins.push({
            outputId,
            target: target.idx,
            inputId: pin.input,
            convert: t?.convert,
            force: t?.forceWrapArray === true,
          });
          target.pinnedInputs.add(pin.input);
        }
      }
    }
    if (card.node?.model?.mirrored) {
      const ins = new Map(info.inputs.map((f) => [`${f.group ?? ''}\u0000${f.key}`, f]));
      for (const o of info.outputs) {
        const input = ins.get(`${o.group ?? ''}\u0000${o.key}`);
        if (input) info.echo.push([o.id, input]);
      }
    }
    for (const [inId, outs] of Object.entries(card.joins ?? {})) {
      const input = info.inputs.find((f) => f.id === inId);
      if (input) for (const o of outs ?? []) info.echo.push([o.output, input]);
    }
    for (const [head, value] of Object.entries(card.branches ?? {})) {
      const h = byUuid.get(head);
      if (h) h.branchHead = { ifIdx: info.idx, value: value === true };
    }
  }

  // Orderings are an edge list; expand cards carry self-loops and duplicates (reference §1.6).
  const succ: number[][] = cards.map(() => []);
  const indeg = cards.map(() => 0);
  const seen = new Set<string>();
  const addEdge = (a: number, b: number): void => {
    const k = `${a}>${b}`;
    if (a === b || seen.has(k)) return;
    seen.add(k);
    succ[a]!.push(b);
    indeg[b]!++;
    cards[b]!.preds.push(a);
  };
  for (const pair of Object.values(flo.orderings ?? {})) {
    if (!Array.isArray(pair)) continue;
    const a = byUuid.get(pair[0]);
    const b = byUuid.get(pair[1]);
    if (a && b) addEdge(a.idx, b.idx);
  }
  for (const c of cards) if (c.branchHead) addEdge(c.branchHead.ifIdx, c.idx);
  // An If card's own edges to heads are not "predecessors that ran": the head runs only on its branch.
  for (const c of cards) if (c.branchHead) c.preds = c.preds.filter((p) => p !== c.branchHead!.ifIdx);

  const roots = cards.filter((c) => indeg[c.idx] === 0);
  const start =
    roots.find((c) => EVENT_TAILS.has(c.tail)) ??
    roots.find((c) => !c.card.address.startsWith('root:kernel:')) ??
    roots.find((c) => c.tail === 'control:noop') ??
    roots[0];

  const order: CardInfo[] = [];
  const deg = indeg.slice();
  const ready = cards.filter((c) => deg[c.idx] === 0).map((c) => c.idx);
  while (ready.length) {
    ready.sort((x, y) => x - y);
    const n = ready.shift()!;
    order.push(cards[n]!);
    for (const m of succ[n]!) if (--deg[m]! === 0) ready.push(m);
  }
  let problem: string | undefined;
  if (cards.length && !start) problem = 'the flow has no start card (every card has an incoming ordering)';
  else if (order.length < cards.length) {
    const stuck = cards.filter((c) => deg[c.idx]! > 0).map((c) => `${c.name} (${c.uuid})`);
    problem = `the orderings contain a cycle through ${stuck.slice(0, 5).join(', ')}`;
  }
  return { uuid: flo.uuid, cards, byUuid, order, start, problem };
}
