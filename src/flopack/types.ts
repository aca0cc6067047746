/**
 * Okta Workflows export format ("flopack"): the same JSON for `.flopack`, `.folder` and `.flow` files.
 * Shapes from the format reference §1, verified against real exports (test/fixtures/okta-workflows).
 * Fields we never read are typed loosely (`unknown`) so real exports round-trip untouched.
 */
export interface Flopack {
  type: 'flopack';
  version: string;
  created: string;
  flags: Record<string, boolean>;
  data: FlopackData;
  checksum?: string;
}

export interface FlopackData {
  flos: Record<string, Flo>;
  configs: Record<string, FlopackConfig>;
  tables: Record<string, unknown>;
  groups: Record<string, FlopackGroup>;
  projectOverview?: Record<string, unknown>;
}

/** A connection placeholder; `data` is always null (secrets are never exported). */
export interface FlopackConfig {
  id: string;
  name: string;
  module: string;
  data: null;
}

export interface FlopackGroup {
  id: string;
  data: { name: string; description: string; media_uri: string; path?: string };
}

export interface Flo {
  id: string;
  name: string;
  description: string;
  data: FloData;
}

export interface FloData {
  id: null;
  uuid: string;
  display: FloDisplay;
  tree: { id: number; name: string; description?: string };
  methods: Card[];
  model: Record<string, unknown>;
  /** Execution edges: random id → [fromCardUuid, toCardUuid]. */
  orderings: Record<string, [string, string]>;
  cron?: Record<string, unknown>;
  security_level: null | 'medium' | 'open' | 'high';
  log: boolean;
  inheritLog: boolean;
  scheduled?: boolean;
  group: string | null;
  templateName?: null;
  connector_method_meta?: {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    options: Record<string, unknown>;
  };
  monitor_flo?: boolean;
  actionId?: string | null;
  active_version_external_id?: string | null;
  templateFlowKey?: string | null;
  apiSpecMethod?: string | null;
  apiSpecRoute?: string | null;
  projectApiSpecId?: string | null;
  [extra: string]: unknown;
}

export interface FloDisplay {
  preview?: Array<{ module: string; name: string; kernel: boolean }>;
  isCallable?: boolean;
  isPublishable?: boolean;
  aliases?: Record<string, string>;
  [extra: string]: unknown;
}

/** A card ("method"). Bindings (pins) live on the producing card. */
export interface Card {
  joins: Record<string, Array<{ output: string; transform: Transform | null }>>;
  /** `root:kernel:<module>:0.0.1:<key>` or `root:channels:http:<channel>:<version>:<key>`. */
  address: string;
  parents: {
    version: { address: string; key: string; data: Record<string, unknown> };
    channel: { address: string; key: string; data: Record<string, unknown> };
  };
  uuid: string;
  /** If/Else only: branch-head noop uuid → true/false. */
  branches: Record<string, boolean>;
  node: {
    key: string;
    data: { name: string; [extra: string]: unknown };
    model: CardModel;
  };
  /** outputId → targetCardUuid → bindings into that card's inputs. */
  pins: Record<string, Record<string, Pin[]>>;
}

export interface Pin {
  input: string;
  transform: Transform | null;
}

/** `{[outputId]: {convert, forceWrapArray, dest}}` — a type coercion applied along a pin. */
export type Transform = Record<string, { convert: string; forceWrapArray: boolean; dest: string }>;

export interface CardModel {
  type: 'method';
  _v: number;
  key: string;
  executable: boolean;
  displayed: boolean;
  async: boolean;
  cooperative: boolean;
  mirrored: boolean;
  inlined: boolean;
  dependencies: unknown[];
  timeout: number;
  idempotent: boolean;
  monitor: boolean;
  webhook: boolean;
  webhookList: boolean;
  webhookConditions: boolean;
  mobile: boolean;
  hooks: Record<string, unknown>;
  policy: { error: ErrorPolicy };
  metadata: { id: number | null; name: string; description: string | null; [extra: string]: unknown };
  meta: Record<string, unknown>;
  config: string | null;
  partnerChannelKeys: number | null;
  inputs: IoCollection;
  outputs: IoCollection;
  runtime: Record<string, unknown>;
  comments?: unknown;
  [extra: string]: unknown;
}

export type ErrorPolicy =
  | {
      type: 'finish';
      delay?: number;
      retry?: number;
      /** [I] Connector Builder's HTTP card: the longest wait (ms) and the statuses it retries (contract HTTP_RETRY). */
      delayMax?: number;
      statuses?: number[];
    }
  | { type: 'handler'; merge: 'join'; flo?: FloInline };

export interface IoCollection {
  extensible?: boolean;
  rules?: Record<string, unknown>;
  groupRules?: Record<string, unknown>;
  data: Record<string, IoField>;
}

/** An input or output field of a card. */
export interface IoField {
  id: string;
  group: string | null;
  /** Engine-level name (e.g. `_text_`, `URL`, or a random key for Compose placeholders). */
  key: string;
  value: IoValue;
  required: boolean;
  ref: boolean;
  metadata: IoMetadata;
  flags?: 'd' | 'p' | string;
  _used?: boolean;
}

/** Scalar type names, or a nested type object describing an object's shape. */
export type IoType =
  'string' | 'number' | 'boolean' | 'Date' | 'object' | 'flo' | 'file' | '*' | Record<string, unknown>;

export interface IoValue {
  error: boolean;
  proxy: false | { dynamic: boolean; path: string; dest: { key: string; group: string | null } };
  check: boolean;
  type: IoType;
  collection: boolean;
  /** The static value typed in the card (or, for `flo` inputs, a flo uuid string or an inline flo). */
  data: unknown;
  available?: string[];
}

export interface IoMetadata {
  index?: number;
  displayname?: string;
  custom?: boolean;
  optional?: boolean;
  choices?: unknown[];
  forceHide?: boolean;
  hidden?: boolean;
  wormholeMethodId?: string;
  srcMethodId?: string;
  srcOutputId?: string;
  path?: string[];
  transient?: boolean;
  [extra: string]: unknown;
}

/** An inline flo (If Error try/error branches, If/ElseIf branches): the `data` part of a flo, with `id === uuid`. */
export interface FloInline {
  id: string;
  uuid: string;
  methods: Card[];
  orderings: Record<string, [string, string]>;
  tree?: { id: number; name: string; description?: string };
  [extra: string]: unknown;
}
