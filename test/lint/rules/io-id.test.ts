import { describe, expect, it } from 'vitest';
import { HELPER_ID, io, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-IO-ID';

describe(CODE, () => {
  it('accepts ids equal to their keys and unique in the flow', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports an input id reused on another card of the flow', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].node.model.outputs.data.inK1000001 = io({ id: 'inK1000001', key: 'greeting' });
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Return" (return0001)',
      pointer: `${floPointer(HELPER_ID)}/methods/4/node/model/outputs/data/inK1000001`,
    });
  });

  it('reports a field whose id differs from its map key', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].node.model.inputs.data.inK1000001.id = 'other';
    expect(one(lintCode(fp, CODE)).pointer).toBe(
      `${floPointer(HELPER_ID)}/methods/1/node/model/inputs/data/inK1000001/id`,
    );
  });
});
