/**
 * The flopack interpreter: runs Okta Workflows flows (real export format, reference §1) card by card with an
 * injected HTTP transport. See interpreter.ts for execution semantics and cards/ for each card family.
 */
import { BUILTIN_CARDS } from '../flopack/cards/index.js';
import { SimFailure } from '../flopack/semantics/failure.js';
import { flagsOf } from '../flopack/semantics/values.js';
import type { Flopack } from '../flopack/types.js';
import { runFlo, withPlatformInputs } from './interpreter.js';
import { createRunState, findFlow } from './run-state.js';
import type { FlowResult, SimulateOptions } from './types.js';

export type * from './types.js';
export type { HttpRequest, HttpResponse, HttpTransport } from './transport.js';
export { createHttpTransport, TransportError } from './transport.js';
export { CardFailure } from '../flopack/semantics/failure.js';
export { inspectFlopack, type FlopackInspection } from './inspect.js';
export { addressTail } from '../flopack/read/index.js';
export { OPT_IN_CARDS } from '../flopack/cards/index.js';

/** The card kinds (address tails) the simulator runs by default. */
export const SUPPORTED_CARDS: readonly string[] = [...BUILTIN_CARDS.keys()].sort();
export { REDACTED, redactHeaders, redactValues } from './redact.js';

/**
 * Runs one flow. `flow` = flo id or flow name. `inputs` are keyed by the start card's input `key` (also accepts
 * metadata.displayname). Outputs are keyed by the Return card's input keys. Return Raw fills `raw`. Return Error /
 * Return Error If give ok:false with statusCode and message. Never throws for flow problems.
 */
export async function runFlow(
  flopack: Flopack,
  flow: string,
  inputs: Record<string, unknown>,
  options: SimulateOptions,
): Promise<FlowResult> {
  const state = createRunState(flopack, flagsOf(flopack?.flags), BUILTIN_CARDS, options);
  const flo = findFlow(state, flow);
  if (!flo?.data || !Array.isArray(flo.data.methods)) {
    const names = Object.values(flopack?.data?.flos ?? {}).map((f) => `"${f.name}"`);
    const message = `flow "${flow}" is not in the flopack${names.length ? ` (flows: ${names.join(', ')})` : ''}`;
    return { ok: false, error: { kind: 'bad-flow', message, flow }, steps: 0, trace: state.trace };
  }
  try {
    const r = await runFlo(state, flo.data, flo.name, flo.id, withPlatformInputs(state, inputs ?? {}), 0);
    return {
      ok: true,
      outputs: r.outputs,
      ...(r.raw ? { raw: r.raw } : {}),
      ...(state.cursor ? { cursor: state.cursor } : {}),
      ...(r.stopped ? { stopped: true } : {}),
      steps: state.steps,
      trace: state.trace,
    };
  } catch (e) {
    const error =
      e instanceof SimFailure
        ? e.error
        : {
            kind: 'card-failed' as const,
            message: e instanceof Error ? e.message : String(e),
            flow: flo.name,
          };
    return { ok: false, error, steps: state.steps, trace: state.trace };
  }
}
