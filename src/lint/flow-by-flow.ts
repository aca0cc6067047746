// EXPERIMENT: cost of per-flow lint (results dropped)
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lintFlopack } from './index.js';
export interface FlowByFlowLint { flow(id: string, flo: unknown): Diagnostic[]; finish(envelope: unknown): Diagnostic[]; }
export function lintFlowByFlow(options: { connector: boolean; file?: string }): FlowByFlowLint {
  let env: any;
  return {
    flow(id, flo) { lintFlopack({ type: 'flopack', version: '1.5.0', created: 'x', flags: {}, data: { flos: { [id]: flo }, configs: {}, tables: {}, groups: {} } }, options); return []; },
    finish() { return []; },
  };
}
