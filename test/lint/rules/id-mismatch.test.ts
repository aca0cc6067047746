import { describe, expect, it } from 'vitest';
import { CONFIG_ID, HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-ID-MISMATCH';

describe(CODE, () => {
  it('accepts keys equal to ids', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a config stored under another key', () => {
    const fp = validFlopack();
    fp.data.configs[CONFIG_ID].id = 'something-else';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      pointer: `/data/configs/${CONFIG_ID}/id`,
    });
  });

  it('reports a flow whose data.uuid differs from its id', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.uuid = '00000000-0000-4000-8000-000000000000';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      where: 'flow "Send Greeting"',
      pointer: `${floPointer(HELPER_ID)}/uuid`,
    });
  });

  it('reports an inline flo whose id differs from its uuid', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[3].node.model.inputs.data.inFlo00001.value.data.id = null;
    expect(one(lintCode(fp, CODE))).toMatchObject({
      where: 'flow "Send Greeting" › card "If Error" (ifError001) › try',
      pointer: `${floPointer(HELPER_ID)}/methods/3/node/model/inputs/data/inFlo00001/value/data/id`,
    });
  });
});
