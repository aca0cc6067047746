import { describe, expect, it } from 'vitest';
import { CALLER_ID, HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-FLOW-REF';
const ref = (fp: ReturnType<typeof validFlopack>) =>
  cardsOf(fp, CALLER_ID)[1].node.model.inputs.data.inFloRef01.value;

describe(CODE, () => {
  it('accepts a Call Flow naming a helper flow of the file', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a Call Flow naming a flow that is not in the file', () => {
    const fp = validFlopack();
    ref(fp).data = '11111111-2222-4333-8444-555555555555';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Caller" › card "Call Flow" (callflow01)',
      pointer: `${floPointer(CALLER_ID)}/methods/1/node/model/inputs/data/inFloRef01/value/data`,
    });
  });

  it('reports a called flow without a Helper Flow card', () => {
    const fp = validFlopack();
    const start = cardsOf(fp, HELPER_ID)[0];
    start.address = 'root:kernel:control:0.0.1:noop';
    start.node.key = start.node.model.key = 'noop';
    expect(one(lintCode(fp, CODE)).message).toContain('has no Helper Flow card');
  });
});
