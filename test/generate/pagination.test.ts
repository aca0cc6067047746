import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../src/simulate/index.js';
import type { Pagination } from '../../src/spec/types.js';
import { validateObject, withSpec } from '../spec/helpers.js';
import { runBuilt } from './run-action.js';

/**
 * Every pagination style against a service of 7 items served 3 per page, each as the API names its pages: the flows
 * built from the spec run in the simulator (Paginate over the page helper), and the requests are what each style
 * sends.
 */
const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: `i${i + 1}` }));
const PER_PAGE = 3;

function specWith(pagination: Pagination) {
  return withSpec((s) => {
    s.actions.push({
      name: 'List All',
      description: 'Every item.',
      request: { method: 'GET', path: '/items', query: { limit: String(PER_PAGE) } },
      pagination,
      outputs: [
        { key: 'ids', label: 'IDs', type: 'text', list: true, from: 'body', path: 'items.*.id' },
        { key: 'count', label: 'Count', type: 'number', from: 'body', path: 'count' },
      ],
    });
  });
}

/** The service: which slice a request asks for, by the style's parameters (pages numbered from `firstPage`). */
const service =
  (firstPage = 1, bodyIsTheList = false) =>
  (req: HttpRequest) => {
    const q = new URL(req.url).searchParams;
    const from = q.has('offset')
      ? Number(q.get('offset'))
      : q.has('page')
        ? (Number(q.get('page')) - firstPage) * PER_PAGE
        : q.has('cursor')
          ? Number(q.get('cursor'))
          : 0;
    const page = ITEMS.slice(from, from + PER_PAGE);
    const more = from + PER_PAGE < ITEMS.length;
    const body = {
      data: page,
      next_cursor: more ? String(from + PER_PAGE) : '',
      next: more ? `/v1/items?limit=${PER_PAGE}&cursor=${from + PER_PAGE}` : null,
    };
    // RFC 8288 links as GitHub sends them: prev and first before next, last after it; none on the last page.
    const link = (at: number) => `<https://api.example.com/v1/items?limit=${PER_PAGE}&cursor=${at}>`;
    const links = [
      ...(from > 0 ? [`${link(from - PER_PAGE)}; rel="prev"`, `${link(0)}; rel="first"`] : []),
      ...(more ? [`${link(from + PER_PAGE)}; rel="next"`, `${link(6)}; rel="last"`] : []),
    ];
    const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
    // A service that pages by Link header answers with the list itself (GitHub, Okta).
    if (bodyIsTheList) return { status: 200, headers, body: JSON.stringify(page) };
    return { status: 200, headers, body: JSON.stringify(body) };
  };

const run = async (pagination: Pagination, values: Record<string, unknown> = {}) => {
  const spec = specWith(pagination);
  expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
  return runBuilt(spec, 'List All', values, undefined, service(pagination.firstPage ?? 1));
};
const queries = (requests: HttpRequest[]) =>
  requests.map((r) => Object.fromEntries(new URL(r.url).searchParams));

describe('pagination styles', () => {
  it('nextUrl: follows the URL the body names (its query on the first path)', async () => {
    const { result, requests } = await run({ style: 'nextUrl', items: 'data', next: 'next' });
    expect(result).toMatchObject({ ok: true, outputs: { count: 7, ids: ITEMS.map((i) => i.id) } });
    expect(queries(requests)).toEqual([
      { limit: '3' },
      { limit: '3', cursor: '3' },
      { limit: '3', cursor: '6' },
    ]);
  });

  it('cursor: sends the body’s cursor back, never an empty one', async () => {
    const { result, requests } = await run({
      style: 'cursor',
      items: 'data',
      next: 'next_cursor',
      cursorParam: 'cursor',
    });
    expect(result).toMatchObject({ ok: true, outputs: { count: 7 } });
    expect(queries(requests)).toEqual([
      { limit: '3' },
      { limit: '3', cursor: '3' },
      { limit: '3', cursor: '6' },
    ]);
  });

  it('link: follows rel="next" in the Link header, past rel="prev" and rel="first", until there is none', async () => {
    const { result, requests } = await run({ style: 'link', items: 'data' });
    expect(result).toMatchObject({ ok: true, outputs: { count: 7, ids: ITEMS.map((i) => i.id) } });
    // The link's own host and path are not the connection's: each page is the first path with the link's query.
    const paths = requests.map((r) => new URL(r.url).pathname);
    expect(paths).toEqual(Array(3).fill(paths[0]));
    expect(paths[0]).toMatch(/\/items$/);
    expect(queries(requests)).toEqual([
      { limit: '3' },
      { limit: '3', cursor: '3' },
      { limit: '3', cursor: '6' },
    ]);
  });

  it('link: a body that is the list itself needs no items path', async () => {
    const spec = specWith({ style: 'link' });
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
    const { result, requests } = await runBuilt(spec, 'List All', {}, undefined, service(1, true));
    expect(result).toMatchObject({ ok: true, outputs: { count: 7, ids: ITEMS.map((i) => i.id) } });
    expect(requests).toHaveLength(3);
  });

  it('offset: the number of items so far, until an empty page', async () => {
    const { result, requests } = await run({ style: 'offset', items: 'data', offsetParam: 'offset' });
    expect(result).toMatchObject({ ok: true, outputs: { count: 7, ids: ITEMS.map((i) => i.id) } });
    expect(queries(requests).map((q) => q.offset)).toEqual(['0', '3', '6', '7']);
  });

  it('page: counts pages from 1 (or 0), until an empty page', async () => {
    const one = await run({ style: 'page', items: 'data', pageParam: 'page' });
    expect(one.result).toMatchObject({ ok: true, outputs: { count: 7 } });
    expect(queries(one.requests).map((q) => q.page)).toEqual(['1', '2', '3', '4']);
    const zero = await run({ style: 'page', items: 'data', pageParam: 'page', firstPage: 0 });
    expect(queries(zero.requests).map((q) => q.page)).toEqual(['0', '1', '2', '3']);
  });

  it('Max Items stops after the page that reaches it, whatever the style', async () => {
    const { result, requests } = await run(
      { style: 'offset', items: 'data', offsetParam: 'offset' },
      { maxItems: 4 },
    );
    expect(result).toMatchObject({ ok: true, outputs: { count: 6 } });
    expect(requests).toHaveLength(2);
  });
});
