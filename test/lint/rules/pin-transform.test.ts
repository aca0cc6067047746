import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-PIN-TRANSFORM';
const transform = (key: string) => ({ [key]: { convert: 'toString', forceWrapArray: false, dest: key } });

describe(CODE, () => {
  it("accepts a transform keyed by the pin's output", () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].pins.outText001.return0001[0].transform = transform('outText001');
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('warns about a transform keyed by another output', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].pins.outText001.return0001[0].transform = transform('elsewhere');
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'warning',
      where: 'flow "Send Greeting" › card "Compose" (compose001)',
      pointer: `${floPointer(HELPER_ID)}/methods/1/pins/outText001/return0001/0/transform`,
    });
  });
});
