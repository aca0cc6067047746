import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-PIN-SOURCE';

describe(CODE, () => {
  it('accepts pins from existing outputs', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a pin hanging off an input id', () => {
    const fp = validFlopack();
    const compose = cardsOf(fp, HELPER_ID)[1];
    compose.pins = { inK1000001: compose.pins.outText001 };
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Compose" (compose001)',
      pointer: `${floPointer(HELPER_ID)}/methods/1/pins/inK1000001`,
    });
    expect(d.message).toContain('(it is an input)');
  });
});
