import { describe, expect, it } from 'vitest';
import type { AuthAnswers } from '../../src/init/answers.js';
import { buildScenario } from '../../src/init/scenario.js';
import { buildSpec } from '../../src/init/spec.js';
import { connectionKeys } from '../../src/run/connection.js';
import { parseScenario } from '../../src/scenario/load.js';
import { answers, AUTH_VARIANTS, SOME_PARAMS } from './fixtures.js';

describe('buildScenario', () => {
  it.each(Object.keys(AUTH_VARIANTS))(
    '%s: a scenario the loader accepts, with every required connection key',
    (auth) => {
      const { spec } = buildSpec(answers({ auth: AUTH_VARIANTS[auth] as AuthAnswers, params: SOME_PARAMS }));
      const { path, text } = buildScenario(spec);
      expect(path).toBe('tests/get-contact.yaml');
      const scenario = parseScenario(text, path);
      expect(scenario.action).toBe('Get Contact');
      expect(scenario.inputs).toEqual({ contactId: 'test-contactId' });
      const required = connectionKeys(spec)
        .filter((k) => k.required)
        .map((k) => k.key);
      expect(Object.keys(scenario.connection ?? {})).toEqual(expect.arrayContaining(required));
    },
  );

  it('expects the request the server sees: base path + path, inputs filled, ${connection.x} left for the runner', () => {
    const { spec } = buildSpec(
      answers({
        baseUrl: 'https://${connection.subdomain}.acme.example/api/${connection.tenant}',
        action: {
          name: 'Create Note',
          method: 'POST',
          path: '/contacts/${inputs.contactId}/notes/${options.kind}',
        },
      }),
    );
    const scenario = parseScenario(buildScenario(spec).text, 'tests/create-note.yaml');
    expect(scenario.options).toEqual({ kind: 'test-kind' });
    expect(scenario.inputs).toEqual({ contactId: 'test-contactId', name: 'test-name' });
    expect(scenario.expect).toEqual({
      requests: [
        { method: 'POST', path: '/api/${connection.tenant}/contacts/test-contactId/notes/test-kind' },
      ],
    });
  });

  it('names the file after the action and explains why there is no mock', () => {
    const { spec } = buildSpec(
      answers({ action: { name: 'List All  Deals', method: 'GET', path: '/deals' } }),
    );
    const { path, text } = buildScenario(spec);
    expect(path).toBe('tests/list-all-deals.yaml');
    expect(text.split('\n')[0]).toBe(
      '# tests/list-all-deals.yaml — run with: okta-connector test --base-url <URL of a test server>',
    );
    expect(text).toMatch(/^# mock: none\./m);
  });
});
