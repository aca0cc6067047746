import { MAX_ITEMS_INPUT, PAGINATED_BODY, pageFlowName } from '../../connector/contract.js';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * What a paginated action must be for its page helper to repeat its request: a GET without a body, a cursor style
 * that names its parameter, outputs that read the collected `{items, count}`, no input of its own called Max Items,
 * and no other flow with its page helper's name.
 */
const STYLE_HINTS: Record<string, string> = {
  next: 'the dot path of the next URL or cursor in the body, e.g. next: response_metadata.next_cursor',
  cursorParam: 'the query parameter that carries the cursor, e.g. cursorParam: cursor',
  offsetParam: 'the query parameter of the offset, e.g. offsetParam: offset',
  pageParam: 'the query parameter of the page number, e.g. pageParam: page',
};

export const pagination: SpecRule = {
  name: 'pagination',
  codes: ['OC-SPEC-PAGINATION'],
  description: 'A paginated action repeats a GET and returns {items, count}.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const names = new Set(spec.actions.map((a) => a.name.toLowerCase()));
    spec.actions.forEach((action, a) => {
      const p = action.pagination;
      if (!p) return;
      const at = `/actions/${a}`;
      const add = (pointer: string, message: string, hint?: string) =>
        findings.push({
          code: 'OC-SPEC-PAGINATION',
          severity: 'error',
          pointer: at + pointer,
          message,
          hint,
        });
      if (action.request.method !== 'GET' || action.request.body)
        add(
          '/request/method',
          `a paginated action repeats its request for every page, so it must be a GET without a body`,
        );
      // Each style's own settings, and only those.
      const needs: Record<string, Array<keyof typeof p>> = {
        nextUrl: ['next'],
        cursor: ['next', 'cursorParam'],
        offset: ['offsetParam'],
        page: ['pageParam'],
        link: [],
      };
      const settings: Array<keyof typeof p> = [
        'next',
        'cursorParam',
        'offsetParam',
        'pageParam',
        'firstPage',
      ];
      for (const key of needs[p.style] ?? []) {
        if (p[key] === undefined)
          add('/pagination', `the ${p.style} style needs ${String(key)}`, STYLE_HINTS[String(key)]);
      }
      for (const key of settings) {
        const own = needs[p.style]?.includes(key) || (key === 'firstPage' && p.style === 'page');
        if (!own && p[key] !== undefined)
          add(`/pagination/${String(key)}`, `${String(key)} is not a setting of the ${p.style} style`);
      }
      if ((action.inputs ?? []).some((i) => i.key === MAX_ITEMS_INPUT.key))
        add('/inputs', `a paginated action gets its own "${MAX_ITEMS_INPUT.key}" input; rename yours`);
      if (names.has(pageFlowName(action.name).toLowerCase()))
        add('/name', `its page helper flow "${pageFlowName(action.name)}" has the name of another action`);
      (action.outputs ?? []).forEach((o, i) => {
        const root = (o.path ?? '').split('.')[0];
        if (o.from !== 'body' || (root !== PAGINATED_BODY.items && root !== PAGINATED_BODY.count))
          add(
            `/outputs/${i}`,
            `output "${o.key}" of a paginated action must read the collected pages: from: body with a path under "${PAGINATED_BODY.items}" or "${PAGINATED_BODY.count}"`,
            `e.g. { from: body, path: ${PAGINATED_BODY.items}, list: true } or path: ${PAGINATED_BODY.items}.*.id`,
          );
      });
    });
    return findings;
  },
};
