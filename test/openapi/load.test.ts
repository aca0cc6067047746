import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../src/errors.js';
import { loadOpenApiDescription } from '../../src/openapi/load.js';
import { SLACK_OPENAPI } from '../support/fixtures.js';
import { listOperations, resolveRef } from '../../src/openapi/operations.js';

const FIXTURES = new URL('../fixtures/openapi/', import.meta.url).pathname;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oc-openapi-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiagnosticsError);
  return (error as DiagnosticsError).diagnostics[0]!;
}

describe('loadOpenApiDescription', () => {
  it("reads Twilio's 3.0 description with its servers and operations", async () => {
    const d = await loadOpenApiDescription(join(FIXTURES, 'twilio/twilio_api_v2010.json'));
    expect(d.sourceVersion).toBe('3.0.1');
    const create = listOperations(d.document).find((o) => o.operationId === 'CreateMessage')!;
    expect(create).toMatchObject({
      method: 'post',
      path: '/2010-04-01/Accounts/{AccountSid}/Messages.json',
      servers: [{ url: 'https://api.twilio.com' }],
    });
    expect(create.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:AccountSid']);
    expect(Object.keys(create.requestBody!.content)).toEqual(['application/x-www-form-urlencoded']);
  });

  it("converts Slack's 2.0 description to 3.0 (host + basePath → servers, formData → a form body)", async () => {
    const d = await loadOpenApiDescription(SLACK_OPENAPI);
    expect(d.sourceVersion).toBe('2.0');
    expect(d.document.openapi).toMatch(/^3\.0/);
    const post = listOperations(d.document).find((o) => o.path === '/chat.postMessage')!;
    expect(post.servers[0]!.url).toBe('https://slack.com/api');
    expect(Object.keys(post.requestBody!.content)).toContain('application/x-www-form-urlencoded');
  });

  it('bundles a multi-file YAML description: external refs inlined, local refs kept', async () => {
    const dir = folder({
      'api.yaml': [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'servers: [{url: "https://api.example.com/v1"}]',
        'paths:',
        '  /pets/{id}:',
        '    parameters: [{$ref: "parts/params.yaml#/Id"}]',
        '    get:',
        '      operationId: getPet',
        '      responses:',
        '        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}',
        'components:',
        '  schemas:',
        '    Pet: {$ref: "parts/pet.yaml"}',
      ].join('\n'),
      'parts/params.yaml': 'Id: {name: id, in: path, required: true, schema: {type: integer}}\n',
      'parts/pet.yaml':
        'type: object\nproperties: {name: {type: string}, parent: {$ref: "../api.yaml#/components/schemas/Pet"}}\n',
    });
    const d = await loadOpenApiDescription(join(dir, 'api.yaml'));
    const [op] = listOperations(d.document);
    expect(op!.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]);
    const schema = op!.responses['200']!.content!['application/json']!.schema;
    expect(resolveRef<{ type: string }>(d.document, schema).type).toBe('object');
  });

  it("makes local a ref from another file back into the root's own (inline) schema", async () => {
    const dir = folder({
      'api.yaml': [
        'openapi: 3.0.3',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /pets: {$ref: "paths/pets.yaml"}',
        'components:',
        '  schemas:',
        '    Pet: {type: object, properties: {name: {type: string}}}',
      ].join('\n'),
      'paths/pets.yaml':
        'get:\n  responses:\n    "200":\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: "../api.yaml#/components/schemas/Pet"}\n',
    });
    const d = await loadOpenApiDescription(join(dir, 'api.yaml'));
    const [op] = listOperations(d.document);
    expect(op!.responses['200']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/Pet',
    });
  });

  it('refuses a reference to a URL instead of fetching it', async () => {
    const dir = folder({
      'api.yaml':
        'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "https://example.com/r.yaml"}\n',
    });
    const d = await failure(loadOpenApiDescription(join(dir, 'api.yaml')));
    expect(d.code).toBe('OC-OPENAPI-REMOTE-REF');
  });

  it('locates a syntax error in a referenced file', async () => {
    const dir = folder({
      'api.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a: {$ref: "paths/a.yaml"}\n',
      'paths/a.yaml': 'get:\n  responses: {\n',
    });
    const d = await failure(loadOpenApiDescription(join(dir, 'api.yaml')));
    expect(d).toMatchObject({ code: 'OC-SOURCE-SYNTAX', file: expect.stringContaining('paths/a.yaml') });
    expect(d.line).toBeGreaterThan(0);
  });

  it('refuses a missing local pointer and a file that is not OpenAPI', async () => {
    const dir = folder({
      'missing.yaml':
        'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a: {$ref: "#/components/pathItems/nope"}\n',
      'other.yaml': 'name: not an api\n',
    });
    expect((await failure(loadOpenApiDescription(join(dir, 'missing.yaml')))).code).toBe('OC-OPENAPI-REF');
    expect((await failure(loadOpenApiDescription(join(dir, 'other.yaml')))).code).toBe('OC-OPENAPI-VERSION');
  });
});
