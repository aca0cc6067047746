// INTERIM (replaced by the lintstream branch): collects the flows and lints them whole at the end.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lintFlopack } from './index.js';

export interface FlowByFlowLint {
  flow(id: string, flo: unknown): Diagnostic[];
  finish(envelope: unknown): Diagnostic[];
}

export function lintFlowByFlow(options: { connector: boolean; file?: string }): FlowByFlowLint {
  const flos: Record<string, unknown> = {};
  return {
    flow(id, flo) {
      flos[id] = flo;
      return [];
    },
    finish(envelope) {
      const e = envelope as { data: object };
      return lintFlopack({ ...e, data: { ...e.data, flos } }, options);
    },
  };
}
