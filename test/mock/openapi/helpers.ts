import { fileURLToPath } from 'node:url';
import { loadOpenApiDescription, type OpenApiDescription } from '../../../src/openapi/load.js';

/** The OpenAPI fixtures written for these tests (multi-file 3.0, 3.1), with a trailing slash. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/openapi/', import.meta.url));
export { TWILIO_OPENAPI as TWILIO_FILE, SLACK_OPENAPI as SLACK_FILE } from '../../support/fixtures.js';

export const ACCOUNT_SID = 'AC11111111111111111111111111111111';
export const TWILIO_BASIC =
  'Basic ' + Buffer.from(`SK11111111111111111111111111111111:secret`).toString('base64');
export const SLACK_BEARER = 'Bearer xoxb-not-a-real-token';

const loaded = new Map<string, Promise<OpenApiDescription>>();

/** Each vendored description is parsed once per test file. */
export function description(file: string): Promise<OpenApiDescription> {
  let d = loaded.get(file);
  if (!d) loaded.set(file, (d = loadOpenApiDescription(file)));
  return d;
}

/** A copy of a description whose responses carry no examples, so every answer is generated from its schema. */
export function withoutResponseExamples(d: OpenApiDescription): OpenApiDescription {
  const document = structuredClone(d.document);
  for (const item of Object.values(document.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      for (const response of Object.values(op.responses ?? {})) {
        for (const media of Object.values((response as { content?: object }).content ?? {})) {
          delete (media as { example?: unknown }).example;
          delete (media as { examples?: unknown }).examples;
        }
      }
    }
  }
  return { ...d, document };
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** fetch that reads the body once, as text and (when it parses) JSON. */
export async function send(url: string, init: RequestInit = {}): Promise<Sent> {
  const r = await fetch(url, init);
  const text = await r.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}
