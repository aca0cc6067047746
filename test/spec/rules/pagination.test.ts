import { describe, expect, it } from 'vitest';
import { pagination } from '../../../src/spec/rules/pagination.js';
import type { Action } from '../../../src/spec/types.js';
import { runRule, withSpec } from '../helpers.js';

const paged = (change: (a: Action) => void = () => {}) =>
  withSpec((s) => {
    s.actions.push({
      name: 'List All',
      description: 'All items.',
      request: { method: 'GET', path: '/items' },
      pagination: { style: 'cursor', items: 'items', next: 'meta.next', cursorParam: 'cursor' },
      outputs: [
        { key: 'items', label: 'Items', type: 'object', list: true, from: 'body', path: 'items' },
        { key: 'ids', label: 'IDs', type: 'text', list: true, from: 'body', path: 'items.*.id' },
        { key: 'count', label: 'Count', type: 'number', from: 'body', path: 'count' },
      ],
    });
    change(s.actions.at(-1)!);
  });

describe('pagination', () => {
  it('accepts a GET whose outputs read the collected items and count', () => {
    expect(runRule(pagination, paged())).toEqual([]);
  });

  it('refuses what a page helper cannot repeat or return, each at its pointer', () => {
    const findings = runRule(
      pagination,
      paged((a) => {
        a.request = { method: 'POST', path: '/items' };
        delete a.pagination!.cursorParam;
        a.inputs = [{ key: 'maxItems', label: 'Max', type: 'number' }];
        a.outputs!.push({ key: 'status', label: 'Status', type: 'number', from: 'status' });
      }),
    );
    expect(findings.map((f) => [f.code, f.pointer])).toEqual([
      ['OC-SPEC-PAGINATION', '/actions/1/request/method'],
      ['OC-SPEC-PAGINATION', '/actions/1/pagination'],
      ['OC-SPEC-PAGINATION', '/actions/1/inputs'],
      ['OC-SPEC-PAGINATION', '/actions/1/outputs/3'],
    ]);
    expect(findings[3]!.message).toContain('must read the collected pages');
  });

  it('refuses an action whose page helper would take another action’s name', () => {
    const spec = paged();
    spec.actions.push({ ...spec.actions[0]!, name: 'List All Page', pagination: undefined });
    expect(runRule(pagination, spec).map((f) => f.pointer)).toEqual(['/actions/1/name']);
  });

  it('asks each style for its own settings, and only those', () => {
    const findings = (change: (a: Action) => void) =>
      runRule(pagination, paged(change)).map((f) => [f.pointer, f.message]);
    expect(findings((a) => (a.pagination = { style: 'offset', items: 'items', next: 'meta.next' }))).toEqual([
      ['/actions/1/pagination', 'the offset style needs offsetParam'],
      ['/actions/1/pagination/next', 'next is not a setting of the offset style'],
    ]);
    expect(
      findings((a) => (a.pagination = { style: 'page', items: 'items', pageParam: 'page', firstPage: 0 })),
    ).toEqual([]);
    expect(findings((a) => (a.pagination = { style: 'nextUrl', items: 'items' }))).toEqual([
      ['/actions/1/pagination', 'the nextUrl style needs next'],
    ]);
  });
});
