import { describe, expect, it } from 'vitest';
import { checkSecurity, type SecuritySchemes } from '../../../src/mock/openapi/security.js';
import { MockProblem } from '../../../src/mock/openapi/problem.js';

const schemes: SecuritySchemes = {
  basic: { type: 'http', scheme: 'basic' },
  bearer: { type: 'http', scheme: 'bearer' },
  oauth: { type: 'oauth2', flows: {} },
  headerKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
};
const basic = 'Basic ' + Buffer.from('user:pass').toString('base64');

function verdict(
  requirements: Array<Record<string, string[]>>,
  creds: {
    authorization?: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    cookies?: Record<string, string>;
  },
) {
  try {
    checkSecurity(requirements, schemes, {
      headers: { ...(creds.authorization ? { authorization: creds.authorization } : {}), ...creds.headers },
      query: creds.query ?? {},
      cookies: creds.cookies ?? {},
    });
    return 'ok';
  } catch (error) {
    if (!(error instanceof MockProblem)) throw error;
    return {
      status: error.status,
      schemes: error.violations.map((v) => v.name),
      challenge: error.headers['WWW-Authenticate'],
    };
  }
}

describe('checkSecurity', () => {
  it('HTTP Basic must decode to user:password', () => {
    expect(verdict([{ basic: [] }], { authorization: basic })).toBe('ok');
    expect(
      verdict([{ basic: [] }], { authorization: 'Basic ' + Buffer.from('nocolon').toString('base64') }),
    ).toMatchObject({ status: 401 });
    expect(verdict([{ basic: [] }], {})).toEqual({
      status: 401,
      schemes: ['basic'],
      challenge: 'Basic realm="okta-connector mock"',
    });
  });
  it('bearer, oauth2 and openIdConnect take Authorization: Bearer with a token', () => {
    expect(verdict([{ bearer: [] }], { authorization: 'Bearer t' })).toBe('ok');
    expect(verdict([{ oauth: ['chat:write'] }], { authorization: 'bearer t' })).toBe('ok');
    expect(verdict([{ oauth: [] }], { authorization: 'Bearer ' })).toMatchObject({ challenge: 'Bearer' });
    expect(verdict([{ bearer: [] }], { authorization: basic })).toMatchObject({ status: 401 });
  });
  it('apiKey in a header, the query or a cookie', () => {
    expect(verdict([{ headerKey: [] }], { headers: { 'x-api-key': 'k' } })).toBe('ok');
    expect(verdict([{ queryKey: [] }], { query: { api_key: 'k' } })).toBe('ok');
    expect(verdict([{ cookieKey: [] }], { cookies: { sid: 'k' } })).toBe('ok');
    expect(verdict([{ headerKey: [] }], { query: { 'X-API-Key': 'k' } })).toEqual({
      status: 401,
      schemes: ['headerKey'],
      challenge: undefined,
    });
  });
  it('alternatives (any requirement) of combinations (every scheme of it); {} means none needed', () => {
    const either: Array<Record<string, string[]>> = [{ basic: [] }, { headerKey: [], queryKey: [] }];
    expect(verdict(either, { authorization: basic })).toBe('ok');
    expect(verdict(either, { headers: { 'x-api-key': 'k' }, query: { api_key: 'k' } })).toBe('ok');
    expect(verdict(either, { headers: { 'x-api-key': 'k' } })).toMatchObject({
      schemes: ['basic', 'queryKey'],
    });
    expect(verdict([{ basic: [] }, {}], {})).toBe('ok');
    expect(verdict([], {})).toBe('ok');
  });
});
