import { describe, expect, it } from 'vitest';
import type { OpenAPIV3 } from 'openapi-types';
import { parseQuery } from '../../../src/mock/http/form.js';
import { parameterSpecs, parseCookies, readParameters } from '../../../src/mock/openapi/parameters.js';

const identity = (v: unknown) => v;
const param = (
  p: Partial<OpenAPIV3.ParameterObject> & { name: string; in: string },
): OpenAPIV3.ParameterObject => ({ schema: { type: 'string' }, ...p }) as OpenAPIV3.ParameterObject;
const array = { type: 'array', items: { type: 'integer' } } as const;
const object = { type: 'object', properties: { r: { type: 'integer' }, g: { type: 'integer' } } } as const;

function read(
  p: OpenAPIV3.ParameterObject,
  parts: { path?: string; query?: string; headers?: Record<string, string>; cookie?: string },
) {
  const [spec] = parameterSpecs([p], identity);
  const { values, violations } = readParameters([spec!], {
    pathParams: parts.path === undefined ? {} : { [p.name]: parts.path },
    query: parseQuery(parts.query ?? ''),
    headers: parts.headers ?? {},
    cookies: parseCookies(parts.cookie),
  });
  return violations.length ? violations.map((v) => v.rule) : values[spec!.in][p.name];
}

describe('readParameters: query styles (OpenAPI 3 style/explode table)', () => {
  it('form, exploded (the default): repeated keys', () => {
    expect(read(param({ name: 'id', in: 'query', schema: array }), { query: 'id=3&id=4' })).toEqual([
      '3',
      '4',
    ]);
    expect(read(param({ name: 'id', in: 'query', schema: array }), { query: 'id=3' })).toEqual(['3']);
  });
  it('form, not exploded: commas', () => {
    expect(
      read(param({ name: 'id', in: 'query', explode: false, schema: array }), { query: 'id=3,4,5' }),
    ).toEqual(['3', '4', '5']);
    expect(
      read(param({ name: 'c', in: 'query', explode: false, schema: object }), { query: 'c=r,100,g,200' }),
    ).toEqual({ r: '100', g: '200' });
  });
  it('form, exploded object: one field per property', () => {
    expect(read(param({ name: 'c', in: 'query', schema: object }), { query: 'r=100&g=200&other=1' })).toEqual(
      { r: '100', g: '200' },
    );
  });
  it('spaceDelimited and pipeDelimited', () => {
    expect(
      read(param({ name: 'id', in: 'query', style: 'spaceDelimited', explode: false, schema: array }), {
        query: 'id=3%204+5',
      }),
    ).toEqual(['3', '4', '5']);
    expect(
      read(param({ name: 'id', in: 'query', style: 'pipeDelimited', explode: false, schema: array }), {
        query: 'id=3|4',
      }),
    ).toEqual(['3', '4']);
  });
  it('deepObject', () => {
    expect(
      read(param({ name: 'c', in: 'query', style: 'deepObject', explode: true, schema: object }), {
        query: 'c[r]=1&c%5Bg%5D=2',
      }),
    ).toEqual({ r: '1', g: '2' });
  });
  it('a single value given twice, an empty value, a missing required one', () => {
    expect(read(param({ name: 'n', in: 'query' }), { query: 'n=1&n=2' })).toEqual(['style']);
    expect(read(param({ name: 'n', in: 'query' }), { query: 'n=' })).toEqual(['allowEmptyValue']);
    expect(read(param({ name: 'n', in: 'query', allowEmptyValue: true }), { query: 'n=' })).toBe('');
    expect(read(param({ name: 'n', in: 'query', required: true }), { query: '' })).toEqual(['required']);
    expect(read(param({ name: 'n', in: 'query' }), { query: '' })).toBeUndefined();
  });
  it('a parameter described by content is parsed as JSON', () => {
    const p = param({
      name: 'f',
      in: 'query',
      schema: undefined,
      content: { 'application/json': { schema: object } },
    });
    expect(read(p, { query: `f=${encodeURIComponent('{"r":1}')}` })).toEqual({ r: 1 });
    expect(read(p, { query: 'f=%7Bnope' })).toEqual(['syntax']);
  });
});

describe('readParameters: path, header and cookie styles', () => {
  it('simple (the default) in a path, percent-decoded after splitting', () => {
    expect(read(param({ name: 'id', in: 'path' }), { path: 'a%2Cb' })).toBe('a,b');
    expect(read(param({ name: 'id', in: 'path', schema: array }), { path: '3,4' })).toEqual(['3', '4']);
    expect(
      read(param({ name: 'c', in: 'path', explode: true, schema: object }), { path: 'r=1,g=2' }),
    ).toEqual({ r: '1', g: '2' });
    expect(read(param({ name: 'id', in: 'path' }), { path: '%E0%A4%A' })).toEqual(['syntax']);
  });
  it('label and matrix', () => {
    expect(read(param({ name: 'id', in: 'path', style: 'label' }), { path: '.5' })).toBe('5');
    expect(
      read(param({ name: 'id', in: 'path', style: 'label', explode: true, schema: array }), { path: '.3.4' }),
    ).toEqual(['3', '4']);
    expect(read(param({ name: 'id', in: 'path', style: 'label' }), { path: '5' })).toEqual(['style']);
    expect(read(param({ name: 'id', in: 'path', style: 'matrix' }), { path: ';id=5' })).toBe('5');
    expect(
      read(param({ name: 'id', in: 'path', style: 'matrix', explode: true, schema: array }), {
        path: ';id=3;id=4',
      }),
    ).toEqual(['3', '4']);
    expect(
      read(param({ name: 'id', in: 'path', style: 'matrix', schema: array }), { path: ';id=3,4' }),
    ).toEqual(['3', '4']);
  });
  it('headers by lower-case name, arrays by commas; Accept, Content-Type and Authorization are not parameters', () => {
    expect(
      read(param({ name: 'X-Ids', in: 'header', schema: array }), { headers: { 'x-ids': '1, 2' } }),
    ).toEqual(['1', '2']);
    expect(
      parameterSpecs([param({ name: 'Authorization', in: 'header', required: true })], identity),
    ).toEqual([]);
  });
  it('cookies', () => {
    expect(parseCookies('a=1; b=x%20y; a=2')).toEqual({ a: '1', b: 'x y' });
    expect(read(param({ name: 'b', in: 'cookie' }), { cookie: 'a=1; b=two' })).toBe('two');
  });
});
