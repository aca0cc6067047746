import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-PREVIEW';

describe(CODE, () => {
  it('accepts a preview listing the cards in order', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('warns when the preview is out of order', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.display.preview.reverse();
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'warning',
      where: 'flow "Send Greeting"',
      pointer: `${floPointer(HELPER_ID)}/display/preview`,
    });
  });
});
