import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-ORDERING';

describe(CODE, () => {
  it('accepts orderings between cards of the flow (self-loops of path cards included)', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.orderings.self = ['compose001', 'compose001'];
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports an ordering to a card of another flow (the "flo.id is not a function" crash)', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.orderings.stale = ['return0001', 'callflow01'];
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting"',
      pointer: `${floPointer(HELPER_ID)}/orderings/stale/1`,
    });
    expect(d.hint).toContain('flo.id is not a function');
  });

  it('reports an ordering that is not a pair', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.orderings.bad = ['compose001'];
    expect(one(lintCode(fp, CODE)).pointer).toBe(`${floPointer(HELPER_ID)}/orderings/bad`);
  });
});
