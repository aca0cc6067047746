import {
  FlowBuilder,
  addStartField,
  assignIf,
  clearEmpty,
  compose,
  construct,
  find,
  flatten,
  getLastItem,
  helperFlowStart,
  listConstruct,
  listLength,
  merge,
  paginate,
  returnWith,
  split,
  textSegment,
  type ObjectField,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import {
  HELPER_OUTPUTS,
  LINK_HEADER,
  PAGE_OBJECT,
  PAGINATE,
  PAGINATED_BODY,
  pageFlowName,
} from '../connector/contract.js';
import type { Action, Pagination } from '../spec/types.js';
import { bodyItems } from './body-items.js';
import { callHelper } from './call-helper.js';
import { addErrorChecks } from './error-checks.js';
import type { GenerationContext } from './generation-context.js';
import type { HelperRequest } from './request.js';
import { TemplateScope } from './template-scope.js';

/**
 * A paginated action's side (contract PAGINATE, PAGE_OBJECT): Construct the pagination object from the first
 * request, Paginate over the action's page helper flow, then Construct `{items, count}` for the outputs to read.
 */
export function paginateAction(
  flow: FlowBuilder,
  pagination: Pagination,
  req: HelperRequest,
  maxItems: Value,
  pageFloId: string,
): OutputRef {
  const object = construct(
    flow,
    'paginate/object',
    [
      { key: PAGINATE.breakKey, type: 'boolean', value: false },
      ...pageFields(pagination, {
        firstUrl: req.relativeUrl,
        next: req.relativeUrl,
        cursor: '',
        query: req.query,
        headers: req.headers,
        items: [],
        maxItems,
        pages: [],
      }),
    ],
    'Construct pagination object',
  );
  const last = paginate(flow, 'paginate', object, PAGINATE.breakKey, pageFloId, 'Paginate');
  const items = flow.path(last, [PAGE_OBJECT.items], 'object', true);
  const count = listLength(flow, 'paginate/count', items, 'Count items');
  return construct(
    flow,
    'paginate/result',
    [
      { key: PAGINATED_BODY.items, type: 'object', collection: true, value: items },
      { key: PAGINATED_BODY.count, type: 'number', value: count },
    ],
    'Construct items and count',
  );
}

/**
 * The page helper flow Paginate runs once per page: its inputs are the pagination object's keys (the connection
 * comes from its Auth section). It requests `next` through httpHelper, fails on the action's errors, adds the page's
 * items, and returns the object for the next page, without the break key when there is no next page or Max Items
 * is reached.
 */
export function buildPageFlow(context: GenerationContext, action: Action, floId: string): Flo {
  const p = action.pagination!;
  const name = pageFlowName(action.name);
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const field = (key: string, type: 'string' | 'object' | 'number', collection = false) =>
    addStartField(start, { key, type, collection }).output;
  const firstUrl = field(PAGE_OBJECT.firstUrl, 'string');
  const next = field(PAGE_OBJECT.next, 'string');
  const cursor = p.style === 'cursor' ? field(PAGE_OBJECT.cursor, 'string') : undefined;
  const pages = p.style === 'page' ? field(PAGE_OBJECT.pages, 'number', true) : undefined;
  const query = field(PAGE_OBJECT.query, 'object');
  const headers = field(PAGE_OBJECT.headers, 'object');
  const items = field(PAGE_OBJECT.items, 'object', true);
  const maxItems = field(PAGE_OBJECT.maxItems, 'number');

  const scope = new TemplateScope(flow, {
    resolve: (_source, key) => flow.path(auth, [key]),
    optional: () => false,
  });
  // What this page adds to the first page's query: the cursor (not on the first page: an empty value is never
  // sent), the offset (the number of items so far) or the page number (pages so far, counted with a list, since
  // Workflows has no card that adds one here without the Number app).
  const itemsSoFar =
    p.style === 'offset' ? listLength(flow, 'page/offset', items, 'Offset: items so far') : undefined;
  const pagesNow = pages
    ? flatten(
        flow,
        'page/pages',
        listConstruct(
          flow,
          'page/pages/lists',
          [
            { value: pages, type: 'number', collection: true },
            { value: [1], type: 'number', collection: true },
          ],
          'number',
          'Pages so far and this one',
        ),
        'Count this page',
      )
    : undefined;
  const pageNumber =
    pages && pagesNow
      ? listLength(flow, 'page/number', (p.firstPage ?? 1) === 1 ? pagesNow : pages, 'Page number')
      : undefined;
  const param =
    p.style === 'cursor'
      ? { key: p.cursorParam!, value: cursor! }
      : p.style === 'offset'
        ? { key: p.offsetParam!, value: itemsSoFar! }
        : p.style === 'page'
          ? { key: p.pageParam!, value: pageNumber! }
          : undefined;
  const pageQuery = param
    ? merge(
        flow,
        'page/query',
        [
          query,
          clearEmpty(
            flow,
            'page/param',
            construct(
              flow,
              'page/param/object',
              [{ key: param.key, value: param.value }],
              `Construct ${param.key}`,
            ),
            `Clear empty ${param.key}`,
          ),
        ],
        `Merge ${param.key} into query`,
      )
    : query;
  const call = callHelper(context, scope, auth, {
    relativeUrl: next,
    method: 'GET',
    query: pageQuery,
    headers,
    body: {},
    rawBody: '',
  });
  const status = call.output(HELPER_OUTPUTS.statusCode);
  const body = call.output(HELPER_OUTPUTS.body);
  addErrorChecks(flow, action, status, body, call.output(HELPER_OUTPUTS.errorMessage));

  const pageItems = bodyItems(flow, body, p.items);
  const lists = listConstruct(
    flow,
    'page/lists',
    [
      { value: items, type: 'object', collection: true },
      { value: pageItems, type: 'object', collection: true },
    ],
    'object',
    'Items so far and this page',
  );
  const all = flatten(flow, 'page/items', lists, 'Add page items');
  const count = listLength(flow, 'page/count', all, 'Count items');
  // Is there a next page? nextUrl and cursor: the body names it; link: the Link header; offset and page: this page
  // was not empty.
  const nextValue =
    p.style === 'link'
      ? nextFromLinkHeader(flow, call.output(HELPER_OUTPUTS.headers))
      : p.next
        ? flow.path(body, p.next.split('.'), 'string')
        : undefined;
  const hasNext = nextValue
    ? assignIf(
        flow,
        'page/has-next',
        { left: nextValue, operator: 'is empty', type: 'string' },
        false,
        true,
        'boolean',
        'More if next is not empty',
      )
    : assignIf(
        flow,
        'page/has-next',
        {
          left: listLength(flow, 'page/size', pageItems, 'Count page items'),
          operator: '==',
          right: 0,
          type: 'number',
        },
        false,
        true,
        'boolean',
        'More if the page had items',
      );
  const more = assignIf(
    flow,
    'page/more',
    { left: count, operator: '>=', right: maxItems, type: 'number' },
    false,
    hasNext,
    'boolean',
    'More if under Max Items',
  );

  const following =
    p.style === 'nextUrl' || p.style === 'link'
      ? { next: nextPageUrl(flow, firstUrl, nextValue!), cursor: '', query: {} }
      : { next: firstUrl, cursor: nextValue ?? '', query };
  const fields = pageFields(p, {
    firstUrl,
    ...following,
    headers,
    items: all,
    maxItems,
    pages: pagesNow ?? [],
  });
  const goOn = construct(
    flow,
    'page/continue',
    [{ key: PAGINATE.breakKey, type: 'boolean', value: false }, ...fields],
    'Construct next page',
  );
  const stop = construct(flow, 'page/stop', fields, 'Construct last page');
  const result = assignIf(
    flow,
    'page/result',
    { left: more, operator: '==', right: true, type: 'boolean' },
    goOn,
    stop,
    'object',
    'Next page or stop',
  );
  flow.chainAll(returnWith(flow, [[{ key: PAGINATE.helperReturn, type: 'object' }, result]]));
  return flow.build({
    id: floId,
    name,
    description: `Gets one page for ${action.name} (the Paginate card's helper flow).`,
    group: context.groupId,
  });
}

/** The object's fields after the break key, in one order for the first object and every page's. */
function pageFields(
  p: Pagination,
  v: {
    firstUrl: Value;
    next: Value;
    cursor: Value;
    query: Value;
    headers: Value;
    items: Value;
    maxItems: Value;
    pages: Value;
  },
): ObjectField[] {
  return [
    { key: PAGE_OBJECT.firstUrl, value: v.firstUrl },
    { key: PAGE_OBJECT.next, value: v.next },
    ...(p.style === 'cursor' ? [{ key: PAGE_OBJECT.cursor, value: v.cursor }] : []),
    ...(p.style === 'page'
      ? [{ key: PAGE_OBJECT.pages, type: 'number' as const, collection: true, value: v.pages }]
      : []),
    { key: PAGE_OBJECT.query, type: 'object', value: v.query },
    { key: PAGE_OBJECT.headers, type: 'object', value: v.headers },
    { key: PAGE_OBJECT.items, type: 'object', collection: true, value: v.items },
    { key: PAGE_OBJECT.maxItems, type: 'number', value: v.maxItems },
  ];
}

/**
 * link style (contract LINK_HEADER): the URL in `<…>` before `rel="next"` in the Link header, with cards whose shapes
 * real exports show: Find `rel="next"`, the text before it, Split at `<`, Get Last Item, up to `>`. Empty when the
 * header names no next page (GitHub's last page has `rel="prev"` and `rel="first"` only).
 */
function nextFromLinkHeader(flow: FlowBuilder, headers: OutputRef): OutputRef {
  const link = flow.path(headers, [LINK_HEADER.name], 'string');
  const at = find(flow, 'page/link/rel-at', link, LINK_HEADER.relNext, `Find ${LINK_HEADER.relNext}`);
  const before = textSegment(flow, 'page/link/before', link, 0, at, 'Links before rel next');
  const opened = split(flow, 'page/link/split', before, '<', 'Split at <');
  const last = getLastItem(flow, 'page/link/last', opened, 'Last link before rel next');
  const close = find(flow, 'page/link/close-at', last, '>', 'Find >');
  const url = textSegment(flow, 'page/link/url', last, 0, close, 'Next link URL');
  return assignIf(
    flow,
    'page/link/next',
    { left: at, operator: '<', right: 0, type: 'number' },
    '',
    url,
    'string',
    'Next URL if any',
  );
}

/** nextUrl and link styles: the first URL's path with the query of the URL the body names (contract PAGE_OBJECT). */
function nextPageUrl(flow: FlowBuilder, firstUrl: OutputRef, nextValue: OutputRef): OutputRef {
  const at = find(flow, 'page/next/query-at', nextValue, '?', 'Find query in next URL');
  const queryText = textSegment(flow, 'page/next/query', nextValue, at, 1_000_000, 'Query of next URL');
  const query = assignIf(
    flow,
    'page/next/query-or-none',
    { left: at, operator: '<', right: 0, type: 'number' },
    '',
    queryText,
    'string',
    'Query if any',
  );
  return compose(flow, 'page/next', [firstUrl, query], 'Compose next page URL');
}
