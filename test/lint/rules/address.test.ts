import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-ADDRESS';

describe(CODE, () => {
  it('accepts cards whose address, parents and keys agree', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports an address that is not parents.version.address + node.key', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].address = 'root:kernel:string:0.0.1:concat';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Compose" (compose001)',
      pointer: `${floPointer(HELPER_ID)}/methods/1/address`,
    });
  });

  it('reports node.key differing from node.model.key', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].node.model.key = 'returnRaw';
    expect(one(lintCode(fp, CODE)).pointer).toBe(`${floPointer(HELPER_ID)}/methods/4/node/model/key`);
  });

  it('reports a card without parents, inside an inline flo', () => {
    const fp = validFlopack();
    const tryFlo = cardsOf(fp, HELPER_ID)[3].node.model.inputs.data.inFlo00001.value.data;
    delete tryFlo.methods[1].parents;
    const d = one(lintCode(fp, CODE));
    expect(d.where).toBe(
      'flow "Send Greeting" › card "If Error" (ifError001) › try › card "Return" (tryReturn1)',
    );
    expect(d.pointer).toBe(
      `${floPointer(HELPER_ID)}/methods/3/node/model/inputs/data/inFlo00001/value/data/methods/1`,
    );
  });
});
