import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-JOIN-KEY';

describe(CODE, () => {
  it('accepts joins keyed by inputs of the card', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].joins = { inGreet001: [{ output: 'x', transform: null }] };
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('warns about a join keyed by something that is not an input', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].joins = { stale00001: [{ output: 'x', transform: null }] };
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'warning',
      where: 'flow "Send Greeting" › card "Return" (return0001)',
      pointer: `${floPointer(HELPER_ID)}/methods/4/joins/stale00001`,
    });
  });
});
