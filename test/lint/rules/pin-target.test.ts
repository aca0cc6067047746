import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-PIN-TARGET';

describe(CODE, () => {
  it('accepts pins to inputs of cards in the same flow', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a pin into a card of an inline flo (another scope)', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[0].pins = { outName001: { tryReturn1: [{ input: 'x', transform: null }] } };
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Helper Flow" (start00001)',
      pointer: `${floPointer(HELPER_ID)}/methods/0/pins/outName001/tryReturn1`,
    });
    expect(d.message).toContain('another flow or inline flo');
  });

  it('reports a pin into an input the target card does not have', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].pins.outText001.return0001[0].input = 'missing01';
    expect(one(lintCode(fp, CODE)).pointer).toBe(
      `${floPointer(HELPER_ID)}/methods/1/pins/outText001/return0001/0/input`,
    );
  });
});
