import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-UNORDERED-CARD';

describe(CODE, () => {
  it('accepts flows whose cards are all ordered', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a card no ordering mentions', () => {
    const fp = validFlopack();
    const orderings = fp.data.flos[HELPER_ID].data.orderings;
    delete orderings['ord3xifError001'];
    orderings['ord4xreturn0001'] = ['rawreq0001', 'return0001'];
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "If Error" (ifError001)',
      pointer: `${floPointer(HELPER_ID)}/methods/3`,
    });
  });
});
