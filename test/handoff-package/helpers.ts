import { readFileSync } from 'node:fs';
import type { Flopack } from '../../src/flopack/types.js';
import { oktaWorkflowsSample } from '../support/fixtures.js';

/** A real export from test/fixtures/okta-workflows (reference §1: valid flopacks). */
export function sample(name: string): Flopack {
  return JSON.parse(readFileSync(oktaWorkflowsSample(name), 'utf8')) as Flopack;
}

export function onlyFlo(flopack: Flopack) {
  const flo = Object.values(flopack.data.flos)[0];
  if (!flo) throw new Error('sample has no flow');
  return flo;
}

/** Strings that break naive Markdown, HTML, JSON, Mermaid or Handlebars output. */
export const HOSTILE = [
  'He said "hi" \\ back',
  'line one\nline two',
  'ünïcödé ✓ 日本語 🚀',
  '{{danger}} and {{{raw}}}',
  '</script><script>alert(1)</script>',
  '"]; click n1 call alert(1) %% `x` | # *',
];
