import { describe, expect, it } from 'vitest';
import { Router, type Routable } from '../../../src/mock/openapi/router.js';
import { parseServer } from '../../../src/mock/openapi/servers.js';

type Op = Routable & { id: string };
const op = (
  id: string,
  method: Op['method'],
  path: string,
  servers = [{ url: 'https://api.example.com' }],
): Op => ({
  id,
  method,
  path,
  servers,
});

function routeId(router: Router<Op>, method: string, path: string) {
  const r = router.route(method, path);
  return r.kind === 'found' ? { id: r.operation.id, params: r.pathParams } : r;
}

describe('parseServer', () => {
  it('splits origin and path, without a trailing slash', () => {
    expect(parseServer({ url: 'https://slack.com/api/' })).toMatchObject({
      pathTemplate: '/api',
      literal: true,
      origins: ['https://slack.com'],
    });
    expect(parseServer({ url: 'https://api.twilio.com' })).toMatchObject({
      pathTemplate: '',
      origins: ['https://api.twilio.com'],
    });
    expect(parseServer({ url: '/v1' })).toMatchObject({ pathTemplate: '/v1', origins: [] });
    expect(parseServer({ url: 'v1' })).toMatchObject({ pathTemplate: '/v1' });
    expect(
      parseServer({
        url: '{scheme}://api.example.com/v1',
        variables: { scheme: { default: 'https', enum: ['https', 'http'] } },
      }),
    ).toMatchObject({ pathTemplate: '/v1', origins: ['https://api.example.com', 'http://api.example.com'] });
  });

  it('resolves variables: defaults and enum values for origins, a pattern for the path', () => {
    const s = parseServer({
      url: 'https://{region}.example.com/{base}/v{version}',
      variables: {
        region: { default: 'eu', enum: ['eu', 'us'] },
        base: { default: 'api' },
        version: { default: '2', enum: ['1', '2'] },
      },
    });
    expect(s.origins).toEqual(['https://eu.example.com', 'https://us.example.com']);
    expect(s.literal).toBe(false);
    const re = new RegExp(`^${s.pathPattern}$`);
    expect(['/api/v1', '/other/v2'].map((p) => re.test(p))).toEqual([true, true]);
    expect(['/api/v3', '/a/b/v1'].map((p) => re.test(p))).toEqual([false, false]);
  });
});

describe('Router', () => {
  const router = new Router<Op>([
    op('listUsers', 'get', '/users'),
    op('getUser', 'get', '/users/{id}'),
    op('deleteUser', 'delete', '/users/{id}'),
    op('me', 'get', '/users/me'),
    op('fetchMessage', 'get', '/Messages/{Sid}.json'),
    op('listMessages', 'get', '/Messages.json'),
    op('file', 'get', '/files/{name}.{ext}'),
    op('slack', 'post', '/chat.postMessage', [{ url: 'https://slack.com/api' }]),
    op('twoServers', 'get', '/status', [
      { url: 'https://a.example.com/v1' },
      { url: 'https://b.example.com/v2' },
    ]),
  ]);

  it('prefers a concrete path to a templated one, segment by segment', () => {
    expect(routeId(router, 'GET', '/users/me')).toEqual({ id: 'me', params: {} });
    expect(routeId(router, 'GET', '/users/42')).toEqual({ id: 'getUser', params: { id: '42' } });
  });

  it('falls back to a templated path that has the method the concrete one lacks', () => {
    expect(routeId(router, 'DELETE', '/users/me')).toEqual({ id: 'deleteUser', params: { id: 'me' } });
  });

  it('matches templates inside a segment', () => {
    expect(routeId(router, 'GET', '/Messages/SM1.json')).toEqual({
      id: 'fetchMessage',
      params: { Sid: 'SM1' },
    });
    expect(routeId(router, 'GET', '/Messages.json')).toEqual({ id: 'listMessages', params: {} });
    expect(routeId(router, 'GET', '/files/report.pdf')).toEqual({
      id: 'file',
      params: { name: 'report', ext: 'pdf' },
    });
  });

  it("serves each operation under its servers' paths only", () => {
    expect(routeId(router, 'POST', '/api/chat.postMessage')).toMatchObject({ id: 'slack' });
    expect(routeId(router, 'POST', '/chat.postMessage')).toEqual({ kind: 'not-found' });
    expect(routeId(router, 'GET', '/v1/status')).toMatchObject({ id: 'twoServers' });
    expect(routeId(router, 'GET', '/v2/status')).toMatchObject({ id: 'twoServers' });
    expect(routeId(router, 'GET', '/status')).toEqual({ kind: 'not-found' });
  });

  it('tells 404 from 405, with the methods the path has', () => {
    expect(routeId(router, 'GET', '/nothing')).toEqual({ kind: 'not-found' });
    expect(routeId(router, 'GET', '/users/')).toEqual({ kind: 'not-found' });
    expect(routeId(router, 'PUT', '/users/me')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['DELETE', 'GET'],
    });
    expect(routeId(router, 'POST', '/users')).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
  });

  it('answers HEAD with the GET operation', () => {
    expect(routeId(router, 'HEAD', '/users')).toMatchObject({ id: 'listUsers' });
  });
});
