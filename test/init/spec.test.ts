import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { HttpMethod } from '../../src/spec/types.js';
import type { AuthAnswers } from '../../src/init/answers.js';
import { renderSpec, SCHEMA_PATH } from '../../src/init/render.js';
import { buildSpec } from '../../src/init/spec.js';
import { InvalidAnswersError } from '../../src/init/errors.js';
import { parseSource } from '../../src/source/document.js';
import { validateSpec } from '../../src/spec/validate.js';
import { answers, AUTH_VARIANTS, SOME_PARAMS } from './fixtures.js';

const variants = Object.entries(AUTH_VARIANTS).flatMap(([auth, a]) =>
  [false, true].map((withParams) => ({
    label: `${auth}${withParams ? ' with parameters' : ''}`,
    auth: a,
    withParams,
  })),
);

describe('every scaffold variant is a valid spec', () => {
  it.each(variants)(
    '$label: no errors; warnings only for parameters nothing uses yet',
    ({ auth, withParams }) => {
      const { spec, notes } = buildSpec(
        answers({ auth: auth as AuthAnswers, params: withParams ? SOME_PARAMS : [] }),
      );
      const text = renderSpec(spec);
      const diagnostics = validateSpec(parseSource(text, 'connector.yaml'), '/nonexistent');
      const unused = withParams ? SOME_PARAMS.map((p) => p.key) : [];
      expect(diagnostics.map((d) => [d.severity, d.code, d.pointer])).toEqual(
        unused.map((_, i) => ['warning', 'OC-SPEC-UNUSED-PARAMETER', `/connectionParameters/${i}`]),
      );
      // init tells the user the same thing when it writes the files.
      expect(notes.filter((n) => n.includes('is not used yet'))).toHaveLength(unused.length);
      // What is written is exactly the spec that was built.
      expect(parse(text)).toEqual(spec);
    },
  );

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as HttpMethod[])('%s actions validate too', (method) => {
    const path = method === 'POST' ? '/contacts' : '/contacts/${inputs.contactId}';
    const { spec } = buildSpec(answers({ action: { name: 'Do It', method, path } }));
    expect(validateSpec(parseSource(renderSpec(spec), 'connector.yaml'), '/nonexistent')).toEqual([]);
  });
});

describe('buildSpec', () => {
  it('makes inputs and options from the path placeholders, and a JSON body for POST/PUT/PATCH', () => {
    const { spec } = buildSpec(
      answers({
        action: {
          name: 'Update Note',
          method: 'PATCH',
          path: '/contacts/${inputs.contactId}/notes/${options.kind}',
        },
      }),
    );
    const action = spec.actions[0];
    expect(action?.inputs?.map((i) => [i.key, i.required])).toEqual([
      ['contactId', true],
      ['name', true],
    ]);
    expect(action?.options).toEqual([{ key: 'kind', label: 'Kind', type: 'text', required: true }]);
    expect(action?.request).toEqual({
      method: 'PATCH',
      path: '/contacts/${inputs.contactId}/notes/${options.kind}',
      body: { encoding: 'json', fields: { name: '${inputs.name}' } },
    });
    expect(action?.outputs?.map((o) => o.key)).toEqual(['statusCode', 'body']);
  });

  it('DELETE actions return only the status code', () => {
    const { spec } = buildSpec(
      answers({ action: { name: 'Delete Contact', method: 'DELETE', path: '/contacts/${inputs.id}' } }),
    );
    expect(spec.actions[0]?.outputs).toEqual([
      { key: 'statusCode', label: 'Status Code', type: 'number', from: 'status' },
    ]);
  });

  it('uses a GET action without inputs for _authping, else /', () => {
    const list = buildSpec(
      answers({ action: { name: 'List Contacts', method: 'GET', path: '/contacts' } }),
    ).spec;
    expect(list.authping.request).toEqual({ method: 'GET', path: '/contacts' });
    expect(buildSpec(answers()).spec.authping.request.path).toBe('/');
  });

  it('adds a parameter for each ${connection.x} nobody declared, and says so', () => {
    const { spec, notes } = buildSpec(
      answers({
        baseUrl: 'https://${connection.subdomain}.acme.example',
        auth: AUTH_VARIANTS.custom as AuthAnswers,
        params: [{ key: 'region', label: 'Region', type: 'text', required: false }],
        action: { name: 'Get Thing', method: 'GET', path: '/${connection.region}/things' },
      }),
    );
    expect(spec.connectionParameters).toEqual([
      { key: 'region', label: 'Region', type: 'text', required: false },
      { key: 'subdomain', label: 'Subdomain', type: 'text', required: true },
      { key: 'apiKey', label: 'API Key', type: 'password', required: true },
    ]);
    expect(notes).toEqual([
      'added the connection parameter "subdomain", used in the base URL',
      'added the connection parameter "apiKey" (password), used in the API key value',
    ]);
  });

  it('refuses duplicate parameter keys', () => {
    const dup = { key: 'region', label: 'Region', type: 'text' as const, required: true };
    expect(() => buildSpec(answers({ params: [dup, dup] }))).toThrow(InvalidAnswersError);
  });
});

describe('renderSpec', () => {
  it('starts with the yaml-language-server schema line and keeps hostile text as data', () => {
    const description = 'Line "one": yes\nline two # not a comment\n${inputs.x} ünïcode \'quoted\'';
    const displayName = 'O\'Brien: "CRM" - [beta] & *more*';
    const { spec } = buildSpec(answers({ description, displayName }));
    const text = renderSpec(spec);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_PATH}`);
    const data = parse(text) as { description: string; displayName: string };
    expect(data.description).toBe(description);
    expect(data.displayName).toBe(displayName);
    expect(validateSpec(parseSource(text, 'connector.yaml'), '/nonexistent')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(renderSpec(buildSpec(answers()).spec)).toBe(renderSpec(buildSpec(answers()).spec));
  });
});
