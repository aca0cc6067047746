import { describe, expect, it } from 'vitest';
import { CALLER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-ENDPOINT-SECURITY';

function apiEndpointFlow(level: unknown) {
  const fp = validFlopack();
  const start = cardsOf(fp, CALLER_ID)[0];
  start.address = 'root:kernel:http:0.0.1:accept';
  start.parents.version.address = 'root:kernel:http:0.0.1';
  start.parents.channel.address = 'root:kernel:http';
  start.node.key = start.node.model.key = 'accept';
  fp.data.flos[CALLER_ID].data.security_level = level;
  return fp;
}

describe(CODE, () => {
  it('accepts API Endpoint flows secured by client token or open', () => {
    expect(lintCode(apiEndpointFlow('medium'), CODE)).toEqual([]);
    expect(lintCode(apiEndpointFlow('open'), CODE)).toEqual([]);
  });

  it('warns about an API Endpoint flow with no security level', () => {
    expect(one(lintCode(apiEndpointFlow(null), CODE))).toMatchObject({
      severity: 'warning',
      where: 'flow "Caller"',
      pointer: `${floPointer(CALLER_ID)}/security_level`,
    });
  });
});
