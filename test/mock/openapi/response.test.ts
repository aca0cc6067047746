import { describe, expect, it } from 'vitest';
import type { OpenAPIV3 } from 'openapi-types';
import { matchMediaType, negotiate } from '../../../src/mock/openapi/media-type.js';
import { MockProblem } from '../../../src/mock/openapi/problem.js';
import { parsePrefer, planResponse } from '../../../src/mock/openapi/response.js';

const identity = (v: unknown) => v;
const json = (extra: Partial<OpenAPIV3.MediaTypeObject> = {}): Record<string, OpenAPIV3.MediaTypeObject> => ({
  'application/json': { schema: { type: 'object' as const }, ...extra },
});
const responses = (r: Record<string, Partial<OpenAPIV3.ResponseObject>>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { description: k, ...v }])) as Record<
    string,
    OpenAPIV3.ResponseObject
  >;

describe('planResponse', () => {
  it('answers with the lowest 2xx, then 2XX, then default as 200', () => {
    expect(planResponse(responses({ '400': {}, '202': {}, '201': {} }), undefined, {}, identity).status).toBe(
      201,
    );
    expect(planResponse(responses({ '2XX': {}, default: {} }), undefined, {}, identity).status).toBe(200);
    expect(planResponse(responses({ default: { content: json() } }), undefined, {}, identity)).toMatchObject({
      status: 200,
      mediaType: 'application/json',
    });
  });
  it('takes the example, else the first usable named example, else generates', () => {
    const inline = planResponse(
      responses({ '200': { content: json({ example: {} }) } }),
      undefined,
      {},
      identity,
    );
    expect([inline.fromExample, inline.exampleName]).toEqual([true, undefined]);
    const named = json({ examples: { broken: { externalValue: 'https://x' }, good: { value: 1 } } });
    expect(planResponse(responses({ '200': { content: named } }), undefined, {}, identity)).toMatchObject({
      exampleName: 'good',
    });
    expect(planResponse(responses({ '200': { content: json() } }), undefined, {}, identity)).toMatchObject({
      fromExample: false,
    });
  });
  it('follows Prefer: code= and example=, and refuses what the operation lacks', () => {
    const r = responses({
      '200': { content: json({ examples: { a: { value: 1 } } }) },
      '4XX': { content: json() },
    });
    expect(planResponse(r, undefined, parsePrefer('code=404'), identity).status).toBe(404);
    expect(planResponse(r, undefined, parsePrefer('example="a"'), identity).exampleName).toBe('a');
    expect(() => planResponse(r, undefined, { code: '500' }, identity)).toThrow(MockProblem);
    expect(() => planResponse(r, undefined, { example: 'b' }, identity)).toThrow(MockProblem);
  });
});

describe('media types', () => {
  it('matches a Content-Type exactly, then by range', () => {
    const keys = ['application/json', 'text/*', '*/*'];
    expect(matchMediaType('Application/JSON; charset=utf-8', keys)).toBe('application/json');
    expect(matchMediaType('text/csv', keys)).toBe('text/*');
    expect(matchMediaType('image/png', keys)).toBe('*/*');
    expect(matchMediaType('image/png', ['application/json'])).toBeUndefined();
  });
  it('negotiates Accept by preference, falling back to the first offered', () => {
    const offered = ['application/json', 'application/xml'];
    expect(negotiate('application/xml', offered)).toBe('application/xml');
    expect(negotiate('application/xml;q=0.5, application/json', offered)).toBe('application/json');
    expect(negotiate('application/*', offered)).toBe('application/json');
    expect(negotiate('image/png', offered)).toBe('application/json');
    expect(negotiate(undefined, offered)).toBe('application/json');
  });
});
