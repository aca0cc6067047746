import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-COLLECTION-DATA';

describe(CODE, () => {
  it('accepts list fields holding a list or null', () => {
    const fp = validFlopack();
    expect(lintCode(fp, CODE)).toEqual([]);
    cardsOf(fp, HELPER_ID)[2].node.model.inputs.data.inList0001.value.data = null;
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports a list field holding a string (the "flo.id is not a function" crash)', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[2].node.model.inputs.data.inList0001.value.data = 'a,b';
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Raw Request" (rawreq0001)',
      pointer: `${floPointer(HELPER_ID)}/methods/2/node/model/inputs/data/inList0001/value/data`,
    });
    expect(d.hint).toContain('flo.id is not a function');
  });
});
