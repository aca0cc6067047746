import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { CardInfo, FlowReading, Json, Scope } from '../flopack/read/index.js';
import type { FlowIndex } from './summary.js';

/** What a rule reports; the runner adds the code, severity, file and position. */
export interface Finding {
  message: string;
  pointer: string;
  where?: string;
  hint?: string;
}

/** Where a rule reports while one top-level flow is read (the flow itself is the hook's argument). */
export interface FlowContext<Note = never> {
  /** Whether Connector Builder's CBDE checks apply. */
  connector: boolean;
  report(finding: Finding): void;
  /**
   * The flows read so far, this one included: a flow found here is final; one not found yet may come later, so a
   * finding that depends on it is `note`d for `check`.
   */
  flows: FlowIndex;
  /**
   * Keeps a small fact for this rule's `check` (which runs after the last flow): what it needs of another flow or
   * of the envelope. Plain data only (strings, numbers, pointers, `where` labels): never the flo, a card or a scope,
   * since the flow-by-flow lint drops each flow before reading the next.
   */
  note(fact: Note): void;
}

/** After the last flow: the envelope (its `data.flos` is not read: flows come as summaries), and the notes. */
export interface FileContext<Note = never> {
  connector: boolean;
  report(finding: Finding): void;
  /** The document (for the flow-by-flow lint, the envelope: `data.flos` is empty there). */
  root: unknown;
  /** `root.data` when it is an object. */
  data: Json | undefined;
  configs: Json;
  tables: Json;
  groups: Json;
  /** What the rules may know of every flow read: one summary per object flo, in order; ids, calls, card uuids. */
  flows: FlowIndex;
  /** What this rule noted, flow after flow, in walk order. */
  notes: readonly Note[];
}

/**
 * One check. A rule implements whichever hooks it needs. For each top-level flow, in `data.flos` order, the runner
 * calls `flow` (every flow, even one an earlier run `checked`), then `scope` for each of its scopes (the flow's own,
 * then its inline flos) and `card` for each card of that scope; after the last flow, `check` once. Per-flow hooks
 * see one flow only: a finding that needs another flow or the envelope's sections is `note`d and reported by
 * `check`, so that a whole file and the same file read flow by flow give the same findings by construction.
 */
export interface LintRule<Note = never> {
  /** Stable code, defined once in the rule's file. */
  code: string;
  severity: Severity;
  /** One line for `--help`-style listings and the report table. */
  description: string;
  flow?(flow: FlowReading, ctx: FlowContext<Note>): void;
  scope?(scope: Scope, ctx: FlowContext<Note>): void;
  card?(card: CardInfo, ctx: FlowContext<Note>): void;
  check?(ctx: FileContext<Note>): void;
}

/** A rule's hooks, as its file defines them. */
export type RuleHooks<Note> = Pick<LintRule<Note>, 'description' | 'flow' | 'scope' | 'card' | 'check'>;

export type { Diagnostic };

/** A rule: its code (defined here, in the rule's own file) and severity, then its description and hooks. */
export function lintRule<Note = never>(
  code: string,
  severity: Severity,
  rule: RuleHooks<Note>,
): LintRule<Note> {
  return { code, severity, ...rule };
}
