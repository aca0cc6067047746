import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-START-CARD';

describe(CODE, () => {
  it('accepts one start card per scope, inline flos included', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports two cards without an incoming ordering', () => {
    const fp = validFlopack();
    delete fp.data.flos[HELPER_ID].data.orderings['ord2xrawreq0001'];
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting"',
      pointer: `${floPointer(HELPER_ID)}/orderings`,
    });
    expect(d.message).toContain('"Raw Request" (rawreq0001)');
  });

  it('reports an inline flo whose orderings form a cycle', () => {
    const fp = validFlopack();
    const errorFlo = cardsOf(fp, HELPER_ID)[3].node.model.policy.error.flo;
    errorFlo.orderings.back = ['errReturn1', 'errStart01'];
    const d = one(lintCode(fp, CODE));
    expect(d.where).toBe('flow "Send Greeting" › card "If Error" (ifError001) › on error');
    expect(d.pointer).toBe(`${floPointer(HELPER_ID)}/methods/3/node/model/policy/error/flo/orderings`);
  });
});
