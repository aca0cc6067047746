import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-CARD-ID';

describe(CODE, () => {
  it('accepts unique card uuids (the same uuid may appear in another flow)', () => {
    const fp = validFlopack();
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports a second card with the same uuid in one flow', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].uuid = 'compose001';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Return" (compose001)',
      pointer: `${floPointer(HELPER_ID)}/methods/4/uuid`,
    });
  });

  it('leaves out the scopes and cards of flows given as already checked (not the other flows)', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].uuid = 'compose001';
    const checked = new Set<object>([fp.data.flos[HELPER_ID]]);
    expect(lintCode(fp, CODE, { checked })).toEqual([]);
    expect(lintCode(fp, CODE, { checked: new Set<object>([{}]) })).toHaveLength(1);
  });
});
