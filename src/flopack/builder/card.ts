import { buildable, type CardKind } from '../cards/index.js';
import type { FieldSpec } from '../cards/field-spec.js';
import { channelAddress, kernelAddress } from '../read/address.js';
import type { Card, CardModel, IoField } from '../types.js';
import { makeInput, makeOutput } from './fields.js';
import { FieldIndex } from './field-index.js';
import { byId, type IdFactory } from './ids.js';
import { PathHash } from './path-hash.js';
import { deepFreeze } from '../../util/deep-freeze.js';

/** A field named by key and group, as the catalogue declares it (`HTTP_FIELDS.statusCode`) or by hand. */
export type FieldKey = string | { key: string; group?: string | null };

/** A reference to one field of one card; pins go from an OutputRef to an InputRef. */
export class FieldRef {
  constructor(
    readonly card: CardHandle,
    readonly field: IoField,
    readonly direction: 'input' | 'output',
  ) {}
  get id(): string {
    return this.field.id;
  }
  get key(): string {
    return this.field.key;
  }
}
export type OutputRef = FieldRef & { readonly direction: 'output' };
export type InputRef = FieldRef & { readonly direction: 'input' };

/** A value fed to an input: another card's output (pinned) or a literal (stored in the input's `data`). */
export type Value = OutputRef | string | number | boolean | null | Record<string, unknown> | unknown[];

export function isOutputRef(value: unknown): value is OutputRef {
  return value instanceof FieldRef && value.direction === 'output';
}

/** One card under construction. Fields are added in display order; ids derive from the card's path. */
export class CardHandle {
  readonly card: Card;
  /** The hash state of `${path}/`, under which all of the card's ids are made (`card`, `in/…`, `out/…`). */
  readonly idBase: PathHash;
  private readonly inputsByKey = new FieldIndex<InputRef>();
  private readonly outputsByKey = new FieldIndex<OutputRef>();
  private inputCount = 0;
  private outputCount = 0;

  constructor(
    readonly kind: CardKind,
    readonly path: string,
    private readonly ids: IdFactory,
    name?: string,
  ) {
    this.idBase = PathHash.of(`${path}/`);
    this.card = createCard(kind, ids.shortAt(this.idBase, 'card'), name);
  }

  get uuid(): string {
    return this.card.uuid;
  }
  get model(): CardModel {
    return this.card.node.model;
  }

  addInput(spec: FieldSpec): InputRef {
    const data = this.model.inputs.data;
    const id = this.ids.shortAt(this.idBase, `in/${spec.group ?? ''}/${spec.key}`);
    const field = makeInput(id, spec, this.inputCount++);
    return this.register(data, field, this.inputsByKey, spec, 'input') as InputRef;
  }

  addOutput(spec: FieldSpec): OutputRef {
    const data = this.model.outputs.data;
    const id = this.ids.shortAt(this.idBase, `out/${spec.group ?? ''}/${spec.key}`);
    const field = makeOutput(id, spec, this.outputCount++);
    return this.register(data, field, this.outputsByKey, spec, 'output') as OutputRef;
  }

  /** Mirrored cards (Helper Flow, Return, Assign, Join) echo each input as an output with its own id (§1.5). */
  addMirrored(spec: FieldSpec, outputSpec: Partial<FieldSpec> = {}): { input: InputRef; output: OutputRef } {
    const input = this.addInput(spec);
    // What makeOutput reads of the spec (not `required`, `flags`, `proxy`), field by field: an object rest is slower.
    const output = this.addOutput({
      key: spec.key,
      type: spec.type,
      collection: spec.collection,
      data: spec.data,
      group: spec.group,
      ref: spec.ref,
      metadata: spec.metadata,
      available: spec.available,
      ...outputSpec,
    });
    return { input, output };
  }

  input(field: FieldKey, group: string | null = null): InputRef {
    const [key, g] = named(field, group);
    const ref = this.inputsByKey.get(g, key);
    if (!ref) throw new Error(`card ${this.path} has no input ${g ? `${g}/` : ''}${key}`);
    return ref;
  }

  output(field: FieldKey, group: string | null = null): OutputRef {
    const [key, g] = named(field, group);
    const ref = this.outputsByKey.get(g, key);
    if (!ref) throw new Error(`card ${this.path} has no output ${g ? `${g}/` : ''}${key}`);
    return ref;
  }

  hasInput(field: FieldKey, group: string | null = null): boolean {
    const [key, g] = named(field, group);
    return this.inputsByKey.get(g, key) !== undefined;
  }

  private register(
    data: Record<string, IoField>,
    field: IoField,
    index: FieldIndex<FieldRef>,
    spec: FieldSpec,
    direction: 'input' | 'output',
  ): FieldRef {
    const ref = new FieldRef(this, field, direction);
    if (!index.add(spec.group, spec.key, ref))
      throw new Error(`card ${this.path} already has ${direction} ${spec.key}`);
    data[field.id] = field;
    return ref;
  }
}

function named(field: FieldKey, group: string | null): [key: string, group: string | null] {
  return typeof field === 'string' ? [field, group] : [field.key, field.group ?? null];
}

/**
 * What a card's envelope takes from its kind alone, worked out once per kind: a build makes ~14,000 cards, and
 * the garbage collector copies every object of a flow it holds. `parents` is a deep-frozen constant like the
 * policies; so are the empty `dependencies`, `hooks`, `meta` and `runtime`, which nothing fills in.
 */
interface KindParts {
  address: string;
  parents: Card['parents'];
}
const kindParts = new Map<CardKind, KindParts>();
const NOTHING = Object.freeze([]) as unknown as unknown[];
const EMPTY = Object.freeze({}) as Record<string, never>;

function partsOf(kind: CardKind): KindParts {
  let parts = kindParts.get(kind);
  if (!parts) {
    const def = buildable(kind);
    const d = def.envelope;
    const channel = d.channel;
    const address = channel
      ? channelAddress(def.module, channel.version, def.key)
      : kernelAddress(def.module, def.key);
    const versionAddress = address.slice(0, address.lastIndexOf(':'));
    const channelOnly = versionAddress.slice(0, versionAddress.lastIndexOf(':'));
    const versionKey = channel ? channel.version : '0.0.1';
    const parents = deepFreeze({
      version: {
        address: versionAddress,
        key: versionKey,
        data: channel ? { name: versionKey, id: channel.versionId } : { name: versionKey },
      },
      channel: {
        address: channelOnly,
        key: def.module,
        data: channel ? { name: def.module, id: channel.channelId } : { name: def.module },
      },
    });
    parts = { address, parents };
    kindParts.set(kind, parts);
  }
  return parts;
}

/**
 * The full card envelope with the model key set and key order of real exports (reference §1.4), from the kind's
 * catalogue entry. Wrapper rules, policies and tails are shared, deep-frozen constants: a generated flopack is
 * large, and sharing keeps the heap small. Clone a card before mutating those parts.
 */
function createCard(kind: CardKind, uuid: string, name?: string): Card {
  const def = buildable(kind);
  const d = def.envelope;
  const { address, parents } = partsOf(kind);
  const label = name ?? def.name;
  const channel = d.channel;
  // Two literals rather than a conditional spread: channel cards carry `compat` after `mirrored`.
  const model: Record<string, unknown> = channel
    ? {
        type: 'method',
        _v: 2,
        key: def.key,
        executable: d.executable,
        displayed: d.displayed,
        async: d.async,
        cooperative: d.cooperative,
        mirrored: d.mirrored,
        compat: false,
        inlined: false,
        dependencies: NOTHING,
        timeout: def.timeoutMs,
        idempotent: false,
        monitor: false,
        webhook: false,
        webhookList: false,
        webhookConditions: false,
        mobile: false,
        hooks: EMPTY,
        policy: d.policy,
        metadata: { id: channel.metadataId, name: label, description: d.description },
        meta: d.meta ?? EMPTY,
        config: null,
        partnerChannelKeys: channel.partnerChannelKeys,
        inputs: { ...d.inputs, data: byId() },
        outputs: { ...d.outputs, data: byId() },
        runtime: EMPTY,
      }
    : {
        type: 'method',
        _v: 2,
        key: def.key,
        executable: d.executable,
        displayed: d.displayed,
        async: d.async,
        cooperative: d.cooperative,
        mirrored: d.mirrored,
        inlined: false,
        dependencies: NOTHING,
        timeout: def.timeoutMs,
        idempotent: false,
        monitor: false,
        webhook: false,
        webhookList: false,
        webhookConditions: false,
        mobile: false,
        hooks: EMPTY,
        policy: d.policy,
        metadata: { id: null, name: label, description: d.description },
        meta: d.meta ?? EMPTY,
        config: null,
        partnerChannelKeys: null,
        inputs: { ...d.inputs, data: byId() },
        outputs: { ...d.outputs, data: byId() },
        runtime: EMPTY,
      };
  if (d.tail) Object.assign(model, d.tail);
  return {
    joins: {},
    address,
    parents,
    uuid,
    branches: {},
    node: { key: def.key, data: { name: label }, model: model as unknown as CardModel },
    pins: byId(),
  };
}
