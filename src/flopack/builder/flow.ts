import type { Flo, FloData, FloInline, IoType, Transform } from '../types.js';
import { CardHandle, isOutputRef, type InputRef, type OutputRef, type Value } from './card.js';
import { buildable, type CardKind } from '../cards/index.js';
import { byId, type IdFactory } from './ids.js';
import { PathHash } from './path-hash.js';

/** `tree` of flows built "w/o a tree" with the async addressing module (newer exports, reference §1.3). */
export const ASYNC_TREE = {
  id: 3,
  name: 'empty',
  description: 'This flow has been build w/o a tree and uses the newer, async, Addressing module.',
};

/** A flo's own empty `connector_method_meta` (a literal: structuredClone of a constant costs more per flo). */
function emptyMethodMeta(): NonNullable<FloData['connector_method_meta']> {
  return { inputs: {}, outputs: {}, options: {} };
}

/**
 * One flow scope (a top-level flo or an inline If Error flo): its cards, execution edges (orderings) and
 * bindings (pins, stored on the producing card). Everything is kept in insertion order so output is stable.
 */
export class FlowBuilder {
  readonly cards: CardHandle[] = [];
  private readonly members = new Set<CardHandle>();
  private readonly paths = new Set<string>();
  private readonly orderings: Record<string, [string, string]> = byId();
  private readonly edges = new Set<string>();
  private readonly finalizers: Array<() => void> = [];
  private readonly expansions = new Map<string, { card: CardHandle; paths: Map<string, OutputRef> }>();
  /** The hash state of `${namespace}/order/`, under which the ordering keys are made. */
  private readonly orderBase: PathHash;

  constructor(
    readonly ids: IdFactory,
    /** Id namespace: `<connector>/<flow>` or, for inline flos, the parent card's path plus `/try`. */
    readonly namespace: string,
  ) {
    this.orderBase = PathHash.of(`${namespace}/order/`);
  }

  /** Adds a card of `kind`; `path` names it within the flow (ids derive from it; repeats get a suffix). */
  add(kind: CardKind, path: string, name?: string): CardHandle {
    let unique = path;
    for (let n = 2; this.paths.has(unique); n++) unique = `${path}~${n}`;
    this.paths.add(unique);
    const full = `${this.namespace}/${unique}`;
    const card = new CardHandle(kind, full, this.ids, name);
    this.cards.push(card);
    this.members.add(card);
    return card;
  }

  has(card: CardHandle): boolean {
    return this.members.has(card);
  }

  /** An execution edge `from → to` (duplicates are ignored). */
  order(from: CardHandle, to: CardHandle): void {
    this.assertMember(from);
    this.assertMember(to);
    const edge = `${from.uuid}>${to.uuid}`;
    if (this.edges.has(edge)) return;
    this.edges.add(edge);
    this.orderings[this.ids.shortAt(this.orderBase, edge)] = [from.uuid, to.uuid];
  }

  /** Orders the cards one after the other. */
  chain(...cards: CardHandle[]): void {
    this.chainList(cards);
  }

  /** `chain` for a list of any length (spreading 150,000 cards into arguments overflows the stack). */
  chainList(cards: readonly CardHandle[]): void {
    for (let i = 1; i < cards.length; i++) this.order(cards[i - 1]!, cards[i]!);
  }

  /**
   * Orders every card except hidden expand cards in creation order (a valid execution order when each card is
   * created after the cards it reads from), with `last` moved to the end. Not for flows with If/Else
   * (branch cards must not be chained); order those with `IfElse.add` and `order`.
   */
  chainAll(last?: CardHandle): void {
    const cards = this.cards.filter((c) => c.kind !== 'expand' && c !== last);
    if (cards.some((c) => c.kind === 'if' || c.kind === 'join'))
      throw new Error(`chainAll cannot order the If/Else in ${this.namespace}`);
    if (last) cards.push(last);
    this.chainList(cards);
  }

  /**
   * Binds an output to an input of a card in the same scope (pins live on the source card, §1.6).
   * Pins out of a hidden expand card also get the `[expand, consumer]` ordering real exports carry.
   */
  pin(from: OutputRef, to: InputRef, convert?: string): void {
    this.assertMember(from.card);
    this.assertMember(to.card);
    const pins = (from.card.card.pins[from.id] ??= byId());
    const transform: Transform | null = convert
      ? { [from.id]: { convert, forceWrapArray: false, dest: from.id } }
      : null;
    (pins[to.card.uuid] ??= []).push({ input: to.id, transform });
    (from.field as { _used?: boolean })._used = true;
    if (from.card.kind === 'expand') this.order(from.card, to.card);
  }

  /** Feeds a value to an input: pins an output, or stores a literal in the input's `data`. */
  set(to: InputRef, value: Value): void {
    if (isOutputRef(value)) this.pin(value, to);
    else to.field.value.data = value;
  }

  /**
   * A dot path into an object output (`body.sid`), as Workflows does it: one hidden `object:expand` card per
   * source output with one key/value group per path (reference §1.6), reused for every path of that output.
   */
  path(source: OutputRef, path: readonly string[], type: IoType = 'string', collection = false): OutputRef {
    let entry = this.expansions.get(source.id);
    if (!entry) {
      const card = this.add('expand', `expand/${source.card.path}/${source.key}`, source.card.uuid);
      // Real hidden path cards (357 of 357) type their input as an object: the source's shape when it has one.
      const sourceType = source.field.value.type;
      card.addInput({
        key: 'object',
        type: typeof sourceType === 'object' ? sourceType : 'object',
        data: {},
        required: true,
        metadata: { index: undefined, srcMethodId: source.card.uuid, srcOutputId: source.id },
      });
      this.pin(source, card.input('object'));
      this.order(source.card, card);
      entry = { card, paths: new Map() };
      this.expansions.set(source.id, entry);
    }
    const at = JSON.stringify(path);
    const known = entry.paths.get(at);
    if (known) return known;
    const card = entry.card;
    const group = this.ids.shortAt(card.idBase, `group/${at}`, 11);
    const meta = { index: undefined, path: [...path], srcMethodId: source.card.uuid, srcOutputId: source.id };
    card.addOutput({
      key: 'key',
      group,
      type: 'string',
      collection: true,
      data: [...path],
      ref: true,
      metadata: meta,
    });
    const value = card.addOutput({
      key: 'value',
      group,
      type,
      collection,
      data: null,
      metadata: { ...meta },
    });
    // Real exports carry one self-loop per extracted path on expand cards (§1.6).
    const loop = `${card.uuid}>${card.uuid}#${entry.paths.size}`;
    this.orderings[this.ids.shortAt(this.orderBase, loop)] = [card.uuid, card.uuid];
    entry.paths.set(at, value);
    return value;
  }

  /** Work to do when the flow is built (If Error cards embed their inline flos then). */
  onBuild(fn: () => void): void {
    this.finalizers.push(fn);
  }

  /** The `data` of an inline flo (If Error try/error branches): id === uuid, no cron (reference §1.10). */
  buildInline(uuid: string): FloInline {
    this.finalize();
    return {
      id: uuid,
      uuid,
      display: { aliases: {} },
      tree: { ...ASYNC_TREE },
      methods: this.cards.map((c) => c.card),
      model: {},
      orderings: this.orderings,
      security_level: null,
      log: false,
      inheritLog: false,
      group: null,
      templateName: null,
      connector_method_meta: emptyMethodMeta(),
      monitor_flo: false,
    };
  }

  /** A top-level flo with the newest (v1.5.0) key set (reference §1.3). */
  build(flo: {
    id: string;
    name: string;
    description: string;
    group: string;
    securityLevel?: FloData['security_level'];
  }): Flo {
    this.finalize();
    const endpoint = this.cards[0]?.kind === 'accept';
    const data: FloData = {
      id: null,
      uuid: flo.id,
      display: {
        preview: this.cards.map((c) => {
          const def = buildable(c.kind);
          return { module: def.module, name: def.key, kernel: def.family === 'kernel' };
        }),
        eventConnecterName: this.cards[0]?.card.node.data.name ?? '',
        isCallable: this.cards[0]?.kind === 'callable',
        isPublishable: endpoint,
      },
      tree: { ...ASYNC_TREE },
      methods: this.cards.map((c) => c.card),
      model: {},
      orderings: this.orderings,
      cron: {},
      security_level: flo.securityLevel ?? (endpoint ? 'medium' : null),
      log: true,
      inheritLog: true,
      scheduled: false,
      group: flo.group,
      templateName: null,
      connector_method_meta: emptyMethodMeta(),
      monitor_flo: false,
      actionId: null,
      active_version_external_id: null,
    };
    return { id: flo.id, name: flo.name, description: flo.description, data };
  }

  private finalize(): void {
    const pending = this.finalizers.splice(0);
    for (const fn of pending) fn();
  }

  private assertMember(card: CardHandle): void {
    if (!this.members.has(card)) {
      throw new Error(
        `card ${card.path} is not in flow ${this.namespace}: pins and orderings stay within one scope`,
      );
    }
  }
}
