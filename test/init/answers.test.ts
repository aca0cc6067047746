import { describe, expect, it } from 'vitest';
import {
  authNameProblem,
  parseParamFlag,
  pathProblem,
  splitScopes,
  urlProblem,
} from '../../src/init/answers.js';

describe('--param key:label[:type[:required]]', () => {
  it('defaults to a required text parameter, as Okta presents parameters (reference §2.3)', () => {
    expect(parseParamFlag('subdomain:Subdomain')).toEqual({
      param: { key: 'subdomain', label: 'Subdomain', type: 'text', required: true },
    });
  });
  it('reads type and required from the right, so labels may contain colons', () => {
    expect(parseParamFlag('region:Region: EU or US:password:optional').param).toEqual({
      key: 'region',
      label: 'Region: EU or US',
      type: 'password',
      required: false,
    });
    expect(parseParamFlag('tenant:Tenant:text:required').param?.required).toBe(true);
    expect(parseParamFlag('note:Note:text').param).toMatchObject({
      label: 'Note',
      type: 'text',
      required: true,
    });
  });
  it('rejects dropdowns, bad or reserved keys and empty labels, naming the value', () => {
    expect(parseParamFlag('plan:Plan:dropdown').problem).toMatch(/dropdown parameters need a list of values/);
    expect(parseParamFlag('1x:Label').problem).toMatch(/not a valid key/);
    expect(parseParamFlag('../x:Label').problem).toMatch(/not a valid key/);
    expect(parseParamFlag('password:Secret').problem).toMatch(/reserved for the connection's credentials/);
    expect(parseParamFlag('access_token:Token').problem).toMatch(/reserved/);
    expect(parseParamFlag('subdomain').problem).toMatch(/must look like key:label/);
    expect(parseParamFlag('subdomain: ').problem).toMatch(/label must not be empty/);
    expect(parseParamFlag('subdomain:Sub\ndomain').problem).toMatch(/one line of text/);
  });
});

describe('URLs and paths', () => {
  it('accepts absolute URLs with ${connection.<key>} placeholders in the base URL', () => {
    expect(urlProblem('https://${connection.subdomain}.acme.example/v1', true)).toBeUndefined();
    expect(urlProblem('https://api.acme.example', false)).toBeUndefined();
  });
  it.each([
    ['api.acme.example', true, 'absolute URL'],
    ['ftp://acme.example', true, 'absolute URL'],
    ['https://acme.example/v1?x=1', true, 'query'],
    ['https://acme.example/v1#top', true, 'query'],
    ['https://acme .example', true, 'spaces'],
    ['https://acme.example/${inputs.x}', true, 'not allowed here'],
    ['https://${connection.sub}.acme.example', false, 'not allowed here'],
    ['https://acme.example/${connection.sub', true, 'unterminated'],
  ])('rejects %j', (url, allow, why) => expect(urlProblem(url, allow)).toContain(why));
  it('checks action paths: leading slash, known placeholder sources, keys', () => {
    expect(pathProblem('/contacts/${inputs.id}/notes/${options.kind}')).toBeUndefined();
    expect(pathProblem('contacts')).toMatch(/must start with \//);
    expect(pathProblem('/a b')).toMatch(/spaces/);
    expect(pathProblem('/x/${input.id}')).toMatch(/must look like/);
    expect(pathProblem('/x/${inputs.a-b}')).toMatch(/a key is a letter/);
  });
  it('checks header and query parameter names', () => {
    expect(authNameProblem('X-Api-Key', 'header')).toBeUndefined();
    expect(authNameProblem('X Api', 'header')).toMatch(/not a valid HTTP header name/);
    expect(authNameProblem('api_key', 'query')).toBeUndefined();
    expect(authNameProblem('a=b', 'query')).toMatch(/not a valid query parameter name/);
  });
  it('splits scopes on spaces and commas', () => {
    expect(splitScopes(' read, write  admin ')).toEqual(['read', 'write', 'admin']);
    expect(splitScopes('')).toEqual([]);
  });
});
