import { describe, expect, it } from 'vitest';
import { CONFIG_ID, HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-CONFIG-REF';

describe(CODE, () => {
  it('accepts a connection of the same module, and none at all', () => {
    const fp = validFlopack();
    expect(lintCode(fp, CODE)).toEqual([]);
    cardsOf(fp, HELPER_ID)[2].node.model.config = null;
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports a connection missing from data.configs', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[2].node.model.config = '00000000-0000-4000-8000-000000000000';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Raw Request" (rawreq0001)',
      pointer: `${floPointer(HELPER_ID)}/methods/2/node/model/config`,
    });
  });

  it('reports a connection of another module', () => {
    const fp = validFlopack();
    fp.data.configs[CONFIG_ID].module = 'okta';
    expect(one(lintCode(fp, CODE)).message).toContain('"okta"');
  });
});
