/**
 * Assembles small, valid flopack flows for interpreter tests: cards with the real envelope (address, parents,
 * node.model inputs/outputs), pins on the source card, orderings as an edge list (reference §1.4–1.6).
 */
import { CARDS, cardDefinition } from '../../src/flopack/cards/index.js';
import { channelAddress, kernelAddress } from '../../src/flopack/read/index.js';
import type { Card, Flo, Flopack, IoField } from '../../src/flopack/types.js';

/** Kernel modules: those of the catalogue's kernel cards (an unknown `acme:slow` is a connector card). */
const KERNEL = new Set(
  Object.values(CARDS)
    .filter((d) => d.family === 'kernel')
    .map((d) => d.module),
);

export interface FieldSpec {
  key: string;
  value?: unknown;
  type?: unknown;
  group?: string | null;
  displayname?: string;
  proxy?: { dynamic: boolean; path: string | null; dest: { key: string; group: string | null } };
  wormhole?: string;
  path?: string[];
  flags?: string;
  collection?: boolean;
}

export interface CardOpts {
  name?: string;
  inputs?: Array<FieldSpec | string>;
  outputs?: Array<FieldSpec | string>;
  mirrored?: boolean;
  timeout?: number;
  policy?: Record<string, unknown>;
  config?: string | null;
  uuid?: string;
}

export interface CardHandle {
  uuid: string;
  card: Card;
  /** Input id by key (and group when given). */
  in(key: string, group?: string | null): string;
  out(key: string, group?: string | null): string;
}

let counter = 0;
const nextId = (p: string): string => `${p}${(++counter).toString(36).padStart(8, '0')}`;

function field(spec: FieldSpec | string, id: string): IoField {
  const s = typeof spec === 'string' ? { key: spec } : spec;
  const metadata: IoField['metadata'] = {};
  if (s.displayname) metadata.displayname = s.displayname;
  if (s.wormhole) Object.assign(metadata, { forceHide: true, wormholeMethodId: s.wormhole });
  if (s.path) metadata.path = s.path;
  return {
    id,
    group: s.group ?? null,
    key: s.key,
    value: {
      error: false,
      proxy: (s.proxy ?? false) as IoField['value']['proxy'],
      check: false,
      type: (s.type ?? 'string') as IoField['value']['type'],
      collection: s.collection ?? false,
      data: s.value === undefined ? null : s.value,
    },
    required: false,
    ref: false,
    metadata,
    flags: s.flags ?? 'd',
  };
}

/** The address of a kind (channel cards at version 1.0.0), by the catalogue when it knows the kind. */
export function addressOf(tail: string): string {
  const [mod, key] = tail.split(':') as [string, string];
  const kernel = (cardDefinition(tail)?.family ?? (KERNEL.has(mod) ? 'kernel' : 'channel')) === 'kernel';
  return kernel ? kernelAddress(mod, key) : channelAddress(mod, '1.0.0', key);
}

export class FlowBuilder {
  readonly id: string;
  readonly methods: Card[] = [];
  readonly orderings: Record<string, [string, string]> = {};

  constructor(
    readonly name: string,
    id?: string,
  ) {
    this.id = id ?? `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;
  }

  card(tail: string, opts: CardOpts = {}): CardHandle {
    const [mod, key] = tail.split(':') as [string, string];
    const address = addressOf(tail);
    const version = address.slice(0, address.lastIndexOf(':'));
    const uuid = opts.uuid ?? nextId('c');
    const inputs: Record<string, IoField> = {};
    (opts.inputs ?? []).forEach((s, i) => {
      const f = field(s, nextId('i'));
      f.metadata.index = i;
      inputs[f.id] = f;
    });
    const outSpecs = opts.outputs ?? (opts.mirrored ? (opts.inputs ?? []) : []);
    const outputs: Record<string, IoField> = {};
    outSpecs.forEach((s, i) => {
      const f = field(s, nextId('o'));
      f.metadata.index = i;
      outputs[f.id] = f;
    });
    const card = {
      joins: {},
      address,
      parents: {
        version: {
          address: version,
          key: version.split(':').pop()!,
          data: { name: version.split(':').pop()! },
        },
        channel: { address: version.slice(0, version.lastIndexOf(':')), key: mod, data: { name: mod } },
      },
      uuid,
      branches: {},
      node: {
        key,
        data: { name: opts.name ?? key },
        model: {
          type: 'method',
          _v: 2,
          key,
          mirrored: opts.mirrored ?? false,
          timeout: opts.timeout ?? (address.startsWith('root:kernel:') ? 90_000 : 30_000),
          policy: { error: opts.policy ?? { type: 'finish' } },
          metadata: { id: null, name: opts.name ?? key, description: null },
          config: opts.config ?? null,
          inputs: { data: inputs },
          outputs: { data: outputs },
        },
      },
      pins: {},
    } as unknown as Card;
    this.methods.push(card);
    return handle(card);
  }

  /** Helper Flow start card with custom inputs (+ the execution_id context field). */
  start(inputs: Array<FieldSpec | string> = [], name = 'Helper Flow'): CardHandle {
    const all: Array<FieldSpec | string> = [{ key: 'execution_id', group: 'context' }, ...inputs];
    return this.card('control:callable', { name, inputs: all, mirrored: true });
  }

  ret(keys: string[]): CardHandle {
    return this.card('control:return', { name: 'Return', inputs: keys, mirrored: true });
  }

  pin(
    from: CardHandle,
    outKey: string,
    to: CardHandle,
    inKey: string,
    convert?: string,
    forceWrapArray = false,
  ): this {
    const outId = from.out(outKey);
    const inId = to.in(inKey);
    const pins = (from.card.pins[outId] ??= {});
    const transform = convert ? { [outId]: { convert, forceWrapArray, dest: outId } } : null;
    (pins[to.uuid] ??= []).push({ input: inId, transform });
    return this;
  }

  /** Chains the cards with orderings: a -> b -> c. */
  order(...cards: CardHandle[]): this {
    for (let i = 0; i + 1 < cards.length; i++)
      this.orderings[nextId('x')] = [cards[i]!.uuid, cards[i + 1]!.uuid];
    return this;
  }

  /** If/Else: branch heads (noops) for true and false. */
  branches(ifCard: CardHandle, whenTrue: CardHandle, whenFalse: CardHandle): this {
    ifCard.card.branches = { [whenTrue.uuid]: true, [whenFalse.uuid]: false };
    return this;
  }

  /** Join: input key -> echoed output key. */
  join(joinCard: CardHandle, inKey: string, outKey = inKey): this {
    (joinCard.card.joins[joinCard.in(inKey)] ??= []).push({ output: joinCard.out(outKey), transform: null });
    return this;
  }

  /** The `data` part, usable as an inline flo (If Error, If/ElseIf, For Each bodies). */
  inline(): { id: string; uuid: string; methods: Card[]; orderings: Record<string, [string, string]> } {
    return { id: this.id, uuid: this.id, methods: this.methods, orderings: this.orderings };
  }

  build(): Flo {
    return {
      id: this.id,
      name: this.name,
      description: '',
      data: {
        id: null,
        uuid: this.id,
        methods: this.methods,
        orderings: this.orderings,
        display: {},
        tree: { id: 3, name: 'empty' },
        model: {},
        security_level: null,
        log: true,
        inheritLog: true,
        group: null,
      },
    } as Flo;
  }
}

function handle(card: Card): CardHandle {
  const find = (coll: Record<string, IoField>, key: string, group?: string | null): string => {
    const f = Object.values(coll).find((x) => x.key === key && (group === undefined || x.group === group));
    if (!f) throw new Error(`card ${card.node.key} has no field "${key}"`);
    return f.id;
  };
  return {
    uuid: card.uuid,
    card,
    in: (key, group) => find(card.node.model.inputs.data, key, group),
    out: (key, group) => find(card.node.model.outputs.data, key, group),
  };
}

export function flopackOf(
  flows: Array<FlowBuilder | Flo>,
  configs: Record<string, { name: string; module: string }> = {},
): Flopack {
  const flos: Record<string, Flo> = {};
  for (const f of flows) {
    const flo = f instanceof FlowBuilder ? f.build() : f;
    flos[flo.id] = flo;
  }
  const cfg: Flopack['data']['configs'] = {};
  for (const [id, c] of Object.entries(configs)) cfg[id] = { id, name: c.name, module: c.module, data: null };
  return {
    type: 'flopack',
    version: '1.5.0',
    created: '2026-01-01T00:00:00.000Z',
    flags: { 'auto-transform': true, looseBooleans: true, looseStrings: true, looseNulls: true },
    data: { flos, configs: cfg, tables: {}, groups: {} },
  };
}

/** A transport that records requests and answers from a function. */
export function fakeTransport(
  answer: (req: import('../../src/simulate/transport.js').HttpRequest) => {
    status: number;
    headers?: Record<string, string>;
    body?: string;
  } = () => ({ status: 200 }),
) {
  const requests: Array<import('../../src/simulate/transport.js').HttpRequest> = [];
  const transport = async (req: import('../../src/simulate/transport.js').HttpRequest) => {
    requests.push(req);
    const r = answer(req);
    return { status: r.status, headers: r.headers ?? {}, body: r.body ?? '' };
  };
  return { transport, requests };
}

/** A one-card-function flow: start(inputs) -> card -> return(outputs of the card). */
export function single(
  tail: string,
  inputs: Record<string, unknown>,
  outputs: string[] = ['output'],
  opts: CardOpts = {},
) {
  const f = new FlowBuilder(`single ${tail}`);
  const s = f.start(Object.keys(inputs).map((k) => ({ key: k, type: '*' })));
  const c = f.card(tail, {
    inputs: Object.keys(inputs).map((k) => ({ key: k, type: '*' })),
    outputs,
    ...opts,
  });
  const r = f.ret(outputs);
  for (const k of Object.keys(inputs)) f.pin(s, k, c, k);
  for (const k of outputs) f.pin(c, k, r, k);
  f.order(s, c, r);
  return { flopack: flopackOf([f]), flow: f.name, inputs };
}

/** Runs one card (built by `single`) with a fake transport and returns its outputs; a failed run throws. */
export async function runSingle(
  tail: string,
  inputs: Record<string, unknown>,
  outputs: string[] = ['output'],
): Promise<Record<string, unknown>> {
  const { runFlow } = await import('../../src/simulate/index.js');
  const s = single(tail, inputs, outputs);
  const r = await runFlow(s.flopack, s.flow, s.inputs, { transport: fakeTransport().transport });
  if (!r.ok) throw new Error(r.error.message);
  return r.outputs;
}
