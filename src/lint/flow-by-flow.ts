import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../flopack/read/index.js';
import { LINT_RULES } from './rules/index.js';
import { startLintRun, type LintPart } from './runner.js';

/** A lint fed one flow at a time, for a build that never holds every flow at once. */
export interface FlowByFlowLint {
  /** Checks one top-level flo (its id is the key it has in data.flos); returns the findings that need only this flow. */
  flow(id: string, flo: unknown): Diagnostic[];
  /**
   * After the last flow: the findings that compare flows or need the envelope. `envelope` is the flopack with
   * data.flos = {} (type, version, created, flags, data.configs/tables/groups as they are): see envelopeOf.
   */
  finish(envelope: unknown): Diagnostic[];
  /** What this lint learned from its flows (LintRun.part): for a lint of the file's earlier flows to `absorb`. */
  part(): LintPart;
  /** Takes in the part of a lint of the flows after this one's (on another thread), before `finish`. */
  absorb(part: LintPart): void;
}

export interface FlowByFlowOptions {
  /** Whether Connector Builder's CBDE checks apply (lintFlopack guesses from the flow names; this cannot). */
  connector: boolean;
  /** Name to put in diagnostics. */
  file?: string;
  /** Flo objects an earlier run already checked with the same `connector` (as lintFlopack's `checked`). */
  checked?: ReadonlySet<object>;
}

/**
 * lintFlopack, flow by flow: for a flopack F, `flow(id, flo)` for each entry of F's data.flos in order, then
 * `finish(envelopeOf(F))`, give the same diagnostics as `lintFlopack(F, { connector, file })` once sorted. Both run
 * the same rules through the same runner (runner.ts); between flows this keeps only each flow's summary and the
 * rules' small notes (summary.ts), never a flo. Diagnostics carry `file` but no line or column (there is no text).
 */
export function lintFlowByFlow(options: FlowByFlowOptions): FlowByFlowLint {
  const run = startLintRun(LINT_RULES, options.connector, options.checked);
  const file = options.file;
  const named = (found: Diagnostic[]): Diagnostic[] => (file ? found.map((d) => ({ file, ...d })) : found);
  return {
    flow: (id, flo) => named(run.flow(id, flo)),
    finish: (envelope) => named(run.finish(envelope)),
    part: () => run.part(),
    absorb: (part) => run.absorb(part),
  };
}

/** The flopack without its flows (data.flos = {} when it is a map), as `finish` expects it. Does not copy the flows. */
export function envelopeOf(flopack: unknown): unknown {
  if (!isObject(flopack) || !isObject(flopack.data) || !isObject(flopack.data.flos)) return flopack;
  return { ...flopack, data: { ...flopack.data, flos: {} } };
}
