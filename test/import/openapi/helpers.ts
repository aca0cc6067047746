import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generateConnector } from '../../../src/generate/index.js';
import { findCredentialValues } from '../../../src/handoff-package/credentials.js';
import { lintFlopack } from '../../../src/lint/index.js';
import { loadOpenApiDescription } from '../../../src/openapi/load.js';
import { importOpenApi, type ImportOptions, type ImportResult } from '../../../src/import/openapi/import.js';
import { parseSource } from '../../../src/source/document.js';
import { validateSpec } from '../../../src/spec/validate.js';

export const FIXTURES = new URL('../../fixtures/openapi/', import.meta.url).pathname;
export const TWILIO = join(FIXTURES, 'twilio/twilio_api_v2010.json');
export { SLACK_OPENAPI as SLACK } from '../../support/fixtures.js';

export async function importFile(file: string, options: ImportOptions): Promise<ImportResult> {
  return importOpenApi(await loadOpenApiDescription(file), options);
}

/** The written text validates without errors, and its flows generate, lint and pass build's checks. */
export function expectValidAndBuilds(result: ImportResult) {
  const diagnostics = validateSpec(parseSource(result.text, 'connector.yaml'), tmpdir());
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const generated = generateConnector(result.spec);
  const lint = lintFlopack(generated.flopack);
  expect(lint.filter((d) => d.severity === 'error')).toEqual([]);
  // What `build` refuses on top of lint: a fixed credential in a card.
  expect(findCredentialValues(generated.flopack)).toEqual([]);
  return { diagnostics, generated };
}

/** A folder of small description files for one test. */
export function descriptionFolder(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oc-import-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
