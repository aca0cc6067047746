import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { DiagnosticsError } from '../../src/errors.js';
import { parseScenario } from '../../src/scenario/load.js';

/** The located findings for a scenario file's text that the loader must refuse (fails if it accepts it). */
export function scenarioProblems(text: string): Diagnostic[] {
  try {
    parseScenario(text, 'tests/x.yaml');
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected diagnostics');
}
