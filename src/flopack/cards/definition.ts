import { channelAddress, kernelAddress } from '../read/address.js';
import type { CardHandler } from '../semantics/context.js';

/** Wrapper rules of a card's `inputs` / `outputs` (reference Appendix B). */
export interface WrapperDefaults {
  extensible: boolean;
  rules?: Record<string, unknown>;
  groupRules?: Record<string, unknown>;
}

/**
 * What the builder writes for a card of this kind besides its fields: the model flags and defaults of real exports
 * (reference Appendix A addresses, Appendix B defaults). `source` says where they were copied from: a real card in
 * the okta-workflows samples, or — for kinds with no local sample — the §1.7 catalogue ([I]).
 */
export interface CardEnvelope {
  /** Channel cards only: the version and the numeric ids real exports carry. */
  channel?: {
    version: string;
    versionId: number;
    channelId: number;
    partnerChannelKeys: number;
    metadataId: number;
  };
  description: string | null;
  async: boolean;
  mirrored: boolean;
  executable: boolean;
  displayed: boolean;
  cooperative: boolean;
  policy: Record<string, unknown>;
  inputs: WrapperDefaults;
  outputs: WrapperDefaults;
  /** `model.meta` (dynamic field providers); `{}` when absent. */
  meta?: Record<string, unknown>;
  /** Extra model keys that follow `runtime` in real exports (`display`, `comments`, `enableNewMetadata`). */
  tail?: Record<string, unknown>;
  source: string;
}

/**
 * One card kind of the catalogue: where it lives (address), what a person sees (its name and the app it is filed
 * under), its default timeout, how to build it (the envelope, for kinds we generate) and what it does when the
 * simulator runs it. Each kind's file also declares the fields it reads and writes.
 */
export interface CardDefinition {
  family: 'kernel' | 'channel';
  /** Kernel module (`control`, `string` …) or channel key (`httpfunctions`, `okta`). */
  module: string;
  /** Method key (`if`, `raw`). */
  key: string;
  /** `<module>:<key>`: how readers recognise the kind whatever its version (read/address.ts). */
  tail: string;
  /** The card's name as Workflows shows it ("If/Else", "Raw Request"). */
  name: string;
  /**
   * The app it is filed under in the card picker ("Branching", "Text", "HTTP"); undefined for cards shown by their
   * name alone (the event cards: Helper Flow, API Endpoint).
   */
  menu: string | undefined;
  /** The platform's `model.timeout` for the kind, in ms (reference §1.4, §2.9). */
  timeoutMs: number;
  /** Present for kinds the builder writes. */
  envelope?: CardEnvelope;
  /** What the card does when simulated; absent for kinds we know by name but cannot run. */
  run?: CardHandler;
  /**
   * A connector card that needs its service (Okta Read User): the simulator runs it only when asked to (by
   * `extraCards`), so a flow never reaches a service nobody chose.
   */
  optIn?: boolean;
}

/** A kind the builder can write: it has an envelope, and the simulator must be able to run what we generate. */
export type BuildableCard = CardDefinition & { envelope: CardEnvelope; run: CardHandler };

/** What a kind's file gives besides its address and name. */
type CardSpec = Partial<Pick<CardDefinition, 'timeoutMs' | 'envelope' | 'run' | 'optIn'>> & {
  /** The fields the kind declares (FieldSpecs, or groups of them), for the builder and the semantics. */
  fields?: object;
};

/**
 * A card kind from its address tail (`control:if`) and the name a person sees with its menu path
 * (`Branching › If/Else`; a name alone for cards shown without an app).
 */
function defineCard<T extends CardSpec>(
  family: CardDefinition['family'],
  tail: `${string}:${string}`,
  shownAs: string,
  spec: T,
  timeoutMs: number,
): T & CardDefinition {
  const [module = '', key = ''] = tail.split(':');
  const path = shownAs.split(' › ');
  const name = path.pop() ?? '';
  return { family, module, key, tail, name, menu: path.join(' › ') || undefined, timeoutMs, ...spec };
}

/** A kernel (function) card: 90 s unless the kind says otherwise. */
export function kernelCard<T extends CardSpec>(tail: `${string}:${string}`, shownAs: string, spec = {} as T) {
  return defineCard('kernel', tail, shownAs, spec, 90_000);
}

/** A channel (connector, HTTP function) card: 30 s unless the kind says otherwise. */
export function channelCard<T extends CardSpec>(
  tail: `${string}:${string}`,
  shownAs: string,
  spec = {} as T,
) {
  return defineCard('channel', tail, shownAs, spec, 30_000);
}

/** The address a card of this kind gets (channel cards at their envelope's version). */
export function addressOf(def: CardDefinition, version = def.envelope?.channel?.version ?? '1.0.0'): string {
  return def.family === 'kernel'
    ? kernelAddress(def.module, def.key)
    : channelAddress(def.module, version, def.key);
}

/**
 * The name a person sees for the kind, as Connector Builder's card picker and Okta's walkthrough write it: the app,
 * a dash, the card ("Object - Construct", "HTTP - Raw Request", "Branching - If/Else"); "Helper Flow" alone.
 */
export function personName(def: Pick<CardDefinition, 'name' | 'menu'>): string {
  return def.menu ? `${def.menu} - ${def.name}` : def.name;
}
