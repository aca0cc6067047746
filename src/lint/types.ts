import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';

/** A plain JSON object as found in a flopack; every field is read defensively (the file may be hand-edited). */
export type Json = Record<string, unknown>;

/** An input or output field of a card, indexed once per lint run. */
export interface IoInfo {
  /** The map key under `inputs.data` / `outputs.data`. */
  id: string;
  side: 'input' | 'output';
  key: string;
  group: string | null;
  raw: Json;
  /** `raw.value` when it is an object. */
  value: Json | undefined;
  pointer: string;
}

export interface CardInfo {
  uuid: string;
  /** Display name (`node.data.name`), with hidden path cards named after what they extract from. */
  name: string;
  address: string;
  raw: Json;
  /** `node.model` when it is an object. */
  model: Json | undefined;
  inputs: Map<string, IoInfo>;
  outputs: Map<string, IoInfo>;
  pointer: string;
  where: string;
  scope: Scope;
}

/**
 * One flo scope: a top-level flow, or an inline flo (If Error try/error, If/ElseIf branch, For Each child).
 * Pins, orderings and branch heads must stay within one scope (reference §1.6).
 */
export interface Scope {
  flowId: string;
  flowName: string;
  inline: boolean;
  /** The object holding `methods` and `orderings` (`flo.data`, or the inline flo itself). */
  data: Json;
  pointer: string;
  where: string;
  cards: CardInfo[];
  /** First card with each uuid (duplicates are reported by their own rule). */
  cardsById: Map<string, CardInfo>;
  /** The card that holds this inline flo. */
  owner?: CardInfo;
}

export interface TopFlow {
  id: string;
  name: string;
  raw: Json;
  pointer: string;
  /** Undefined when `flo.data` is not an object. */
  scope: Scope | undefined;
}

/** What a rule reports; the runner adds the code, severity, file and position. */
export interface Finding {
  message: string;
  pointer: string;
  where?: string;
  hint?: string;
}

export interface LintContext {
  /** The whole document as parsed. */
  root: unknown;
  /** `root.data` when it is an object. */
  data: Json | undefined;
  flos: Json;
  configs: Json;
  tables: Json;
  groups: Json;
  flows: TopFlow[];
  /** Every scope, top-level flows first, inline flos after their parent flow's. */
  scopes: Scope[];
  /** Structural problems met while indexing (non-object cards, methods not a list...). */
  structure: Finding[];
  /** Whether Connector Builder's CBDE checks apply. */
  connector: boolean;
  report(finding: Finding): void;
}

export interface LintRule {
  /** Stable code, defined once in the rule's file. */
  code: string;
  severity: Severity;
  /** One line for `--help`-style listings and the report table. */
  description: string;
  check(ctx: LintContext): void;
}

export type { Diagnostic };
