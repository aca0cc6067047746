import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../../src/errors.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { applyOverrides } from '../../../src/mock/openapi/apply-overrides.js';
import { bundledOverridesFor, loadOverrides } from '../../../src/mock/openapi/overrides.js';
import { startOpenApiMock } from '../../../src/mock/openapi/index.js';
import type { ProblemBody } from '../../../src/mock/openapi/problem.js';
import {
  ACCOUNT_SID,
  description,
  FIXTURES,
  send,
  SLACK_BEARER,
  SLACK_FILE,
  TWILIO_BASIC,
  TWILIO_FILE,
} from './helpers.js';

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oc-overrides-'));
  writeFileSync(join(dir, 'overrides.yaml'), text);
  return join(dir, 'overrides.yaml');
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiagnosticsError);
  return (error as DiagnosticsError).diagnostics;
}

const list = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

describe('override files', () => {
  it("the project's Twilio file is picked by the description's title; others are not", async () => {
    const twilio = await bundledOverridesFor('Twilio - Api');
    expect(twilio.map((o) => o.file.split('/').pop())).toEqual(['twilio_api_v2010.yaml']);
    expect(await bundledOverridesFor('Some Other API')).toEqual([]);
  });

  it("a user's file corrects one parameter of one operation, with its reason", async () => {
    const path = file(
      [
        'overrides: 1',
        'description: {title: Twilio - Api}',
        'operations:',
        '  ListMessage:',
        '    query:',
        '      PageSize: {reason: our account allows 5000 per page, schema: {type: integer, minimum: 1, maximum: 5000}}',
        '      To: {reason: our proxy requires it, required: true}',
      ].join('\n'),
    );
    const mock = await startOpenApiMock({ description: await description(TWILIO_FILE), overrides: [path] });
    try {
      expect(mock.overrides.map((o) => o.target)).toContain('ListMessage query PageSize');
      const ok = await send(`${mock.url}${list}?PageSize=4000&To=%2B1`, {
        headers: { authorization: TWILIO_BASIC },
      });
      expect(ok.status).toBe(200);
      const noTo = await send(`${mock.url}${list}?PageSize=4000`, {
        headers: { authorization: TWILIO_BASIC },
      });
      expect(noTo.status).toBe(400);
      // Only ListMessage changed: the same parameter of another operation keeps Twilio's limit.
      const calls = await send(`${mock.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json?PageSize=4000`, {
        headers: { authorization: TWILIO_BASIC },
      });
      expect(calls.status).toBe(400);
    } finally {
      await mock.close();
    }
  });

  it("'*' reaches every operation that has the parameter; remove takes it away", async () => {
    const d = await description(TWILIO_FILE);
    const path = file(
      'overrides: 1\noperations:\n  "*":\n    query:\n      PageSize: {reason: test, remove: true}\n',
    );
    const { operations, applied } = applyOverrides('Twilio - Api', listOperations(d.document), {}, [
      await loadOverrides(path),
    ]);
    expect(operations.every((o) => !o.parameters.some((p) => p.name === 'PageSize'))).toBe(true);
    expect(applied).toEqual([{ file: path, target: '* query PageSize', reason: 'test' }]);
    // The description itself is untouched (parameters may be shared between operations by $ref).
    expect(listOperations(d.document).some((o) => o.parameters.some((p) => p.name === 'PageSize'))).toBe(
      true,
    );
  });

  it('alsoPost gives a GET a POST twin taking its query parameters as body fields; body corrects a property', async () => {
    const api = file(
      [
        'openapi: 3.0.3',
        'info: {title: Search, version: "1"}',
        'paths:',
        '  /search:',
        '    get:',
        '      operationId: search',
        '      parameters:',
        '        - {name: q, in: query, required: true, schema: {type: string}}',
        '        - {name: limit, in: query, schema: {type: integer, maximum: 10}}',
        '        - {name: tags, in: query, schema: {type: string}}',
        '      responses: {"200": {description: ok, content: {application/json: {example: {hits: []}}}}}',
      ].join('\n'),
    );
    const path = file(
      [
        'overrides: 1',
        'operations:',
        '  search:',
        '    query:',
        '      limit: {reason: r1, required: true}',
        '    alsoPost: {reason: r2, mediaTypes: [application/json, application/x-www-form-urlencoded]}',
        '    body:',
        '      tags: {reason: r3, schema: {type: array, items: {type: string}}}',
      ].join('\n'),
    );
    const mock = await startOpenApiMock({ file: api, overrides: [path] });
    try {
      expect(mock.overrides.map((o) => o.target)).toEqual([
        'search query limit',
        'search alsoPost',
        'search body tags',
      ]);
      const post = (body: unknown) =>
        send(`${mock.url}/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await post({ q: 'x', limit: 5, tags: ['a'] })).status).toBe(200);
      // The query's rules hold in the body: q required, limit required by the first correction and at most 10.
      const bad = await post({ limit: 11, tags: 'a' });
      expect((bad.json as ProblemBody).errors.map((e) => `${e.pointer} ${e.rule}`).sort()).toEqual([
        '/limit maximum',
        '/q required',
        '/tags type',
      ]);
      const form = await send(`${mock.url}/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'q=x&limit=3&tags=a&tags=b',
      });
      expect(form.status).toBe(200);
      expect((await send(`${mock.url}/search?q=x&limit=2`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('alsoPost and body on Slack: auth.test and views.open by POST, with a JSON view object', async () => {
    const mock = await startOpenApiMock({ description: await description(SLACK_FILE) });
    const headers = { authorization: SLACK_BEARER, 'content-type': 'application/json' };
    try {
      expect(
        (
          await send(`${mock.url}/api/auth.test`, {
            method: 'POST',
            headers: { authorization: SLACK_BEARER },
          })
        ).status,
      ).toBe(200);
      const open = (body: unknown) =>
        send(`${mock.url}/api/views.open`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(
        (
          await open({
            trigger_id: '1.2.3',
            view: { type: 'modal', title: { type: 'plain_text', text: 'Hi' } },
          })
        ).status,
      ).toBe(200);
      expect((await open({ trigger_id: '1.2.3', view: '{"type":"modal"}' })).status).toBe(200);
      const missing = await open({ view: { type: 'modal' } });
      expect(missing.status).toBe(400);
      expect((missing.json as ProblemBody).errors[0]).toMatchObject({
        in: 'body',
        pointer: '/trigger_id',
        rule: 'required',
      });
      const form = await send(`${mock.url}/api/views.open`, {
        method: 'POST',
        headers: { authorization: SLACK_BEARER, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'trigger_id=1.2.3&view=%7B%7D',
      });
      expect(form.status).toBe(200);
      // The GET the description lists still works as described.
      expect(
        (
          await send(`${mock.url}/api/views.open?trigger_id=1&view=%7B%7D`, {
            headers: { authorization: SLACK_BEARER },
          })
        ).status,
      ).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('a stale or misspelt entry is an error at its line, with a suggestion', async () => {
    const d = await description(TWILIO_FILE);
    const path = file(
      [
        'overrides: 1',
        'operations:',
        '  ListMesage:',
        '    query: {DateSent: {reason: r, required: false}}',
        '  ListMessage:',
        '    query: {Nope: {reason: r, required: false}}',
        'securitySchemes:',
        '  oauth: {reason: r, scheme: {type: http, scheme: bearer}}',
      ].join('\n'),
    );
    let diagnostics: DiagnosticsError['diagnostics'] = [];
    try {
      applyOverrides('Twilio - Api', listOperations(d.document), {}, [await loadOverrides(path)]);
    } catch (error) {
      diagnostics = (error as DiagnosticsError).diagnostics;
    }
    expect(diagnostics.map((x) => [x.code, x.line, x.message, x.hint])).toEqual([
      [
        'OC-MOCK-OVERRIDE-OPERATION',
        3,
        'the description has no operation "ListMesage"',
        'did you mean "ListMessage"?',
      ],
      ['OC-MOCK-OVERRIDE-PARAMETER', 6, 'no operation "ListMessage" has a query parameter "Nope"', undefined],
      ['OC-MOCK-OVERRIDE-SCHEME', 8, 'the description has no security scheme "oauth"', undefined],
    ]);
  });

  it('a file for another description, or with an entry that changes nothing, is refused', async () => {
    const other = file('overrides: 1\ndescription: {title: Stripe API}\n');
    const d = await description(TWILIO_FILE);
    expect(() => applyOverrides('Twilio - Api', listOperations(d.document), {}, [])).not.toThrow();
    const loaded = await loadOverrides(other);
    expect(() => applyOverrides('Twilio - Api', [], {}, [loaded])).toThrow('the file is for "Stripe API"');
    const bad = await failure(
      loadOverrides(
        file('overrides: 1\noperations:\n  X:\n    query:\n      Y: {reason: r}\n    bodies: {}\n'),
      ),
    );
    expect(bad.map((x) => [x.line, x.message])).toEqual([
      [5, 'an override needs one of schema, required or remove'],
      [6, 'unknown key "bodies"'],
    ]);
    expect((await failure(loadOverrides(file('operations: {}\n'))))[0]!.message).toContain(
      "must have required property 'overrides'",
    );
  });
});
