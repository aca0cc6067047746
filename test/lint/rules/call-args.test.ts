import { describe, expect, it } from 'vitest';
import { CALLER_ID, io, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-CALL-ARGS';

describe(CODE, () => {
  it("accepts arguments named like the helper's inputs, and Streaming extras (they arrive in State)", () => {
    const fp = validFlopack();
    cardsOf(fp, CALLER_ID)[1].node.model.inputs.data.inStream01 = io({
      id: 'inStream01',
      key: 'x',
      group: 'Streaming',
    });
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('warns about an argument the helper does not take', () => {
    const fp = validFlopack();
    cardsOf(fp, CALLER_ID)[1].node.model.inputs.data.inArgNam01.key = 'nmae';
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'warning',
      where: 'flow "Caller" › card "Call Flow" (callflow01)',
      pointer: `${floPointer(CALLER_ID)}/methods/1/node/model/inputs/data/inArgNam01`,
      hint: 'its inputs are "name"',
    });
  });
});
