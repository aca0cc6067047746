import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lintFlopack, type LintOptions } from '../../src/lint/index.js';
import { OKTA_WORKFLOWS_DIR } from '../support/fixtures.js';

export const SAMPLES_DIR = OKTA_WORKFLOWS_DIR;

export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => /\.(flopack|flow|folder)$/.test(f))
    .sort();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sample(name: string): any {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, name), 'utf8'));
}

/** Diagnostics with one code from linting `data`. */
export function lintCode(data: unknown, code: string, options?: LintOptions): Diagnostic[] {
  return lintFlopack(data, options).filter((d) => d.code === code);
}

/** Pointer to the data of a top-level flow. */
export function floPointer(id: string): string {
  return `/data/flos/${id}/data`;
}

/** The cards of a top-level flow of a built or sample flopack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cardsOf(fp: any, id: string): any[] {
  return fp.data.flos[id].data.methods;
}

/** Asserts exactly one diagnostic and returns it. */
export function one(diagnostics: Diagnostic[]): Diagnostic {
  if (diagnostics.length !== 1) {
    throw new Error(
      `expected one diagnostic, got ${diagnostics.length}: ${JSON.stringify(diagnostics, null, 1)}`,
    );
  }
  return diagnostics[0]!;
}
