import { describe, expect, it } from 'vitest';
import { CALLER_ID, card, flopack, flow } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-OPERATOR';

function throwIf(operator: string) {
  const cards = [
    card({ uuid: 'start00001', address: 'control:callable' }),
    card({
      uuid: 'throwIf001',
      address: 'control:throwIf',
      name: 'Return Error If',
      inputs: [{ id: 'inOp000001', key: 'operator', data: operator }],
    }),
  ];
  return flopack([flow(CALLER_ID, 'Checks', cards)]);
}

describe(CODE, () => {
  it("accepts Okta's comparisons", () => {
    for (const op of ['==', 'is empty', "doesn't have"]) expect(lintCode(throwIf(op), CODE)).toEqual([]);
  });

  it('warns about a comparison Okta does not offer', () => {
    const d = one(lintCode(throwIf('equals'), CODE));
    expect(d).toMatchObject({
      severity: 'warning',
      where: 'flow "Checks" › card "Return Error If" (throwIf001)',
      pointer: `${floPointer(CALLER_ID)}/methods/1/node/model/inputs/data/inOp000001/value/data`,
    });
    expect(d.message).toContain('"equals"');
  });
});
