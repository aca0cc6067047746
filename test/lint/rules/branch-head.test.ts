import { describe, expect, it } from 'vitest';
import { CALLER_ID, card, flopack, flow } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-BRANCH-HEAD';

/** Helper Flow → If/Else {true: noop → Join, false: noop → Join}. */
function ifElse(falseHead: string) {
  const cards = [
    card({ uuid: 'start00001', address: 'control:callable' }),
    card({
      uuid: 'ifelse0001',
      address: 'control:if',
      name: 'If/Else',
      branches: { noopTrue01: true, [falseHead]: false },
    }),
    card({ uuid: 'noopTrue01', address: 'control:noop' }),
    card({ uuid: 'noopFalse1', address: 'control:noop' }),
    card({ uuid: 'join000001', address: 'control:join' }),
  ];
  const orderings = {
    a1: ['start00001', 'ifelse0001'],
    a2: ['noopTrue01', 'join000001'],
    a3: ['noopFalse1', 'join000001'],
  };
  return flopack([flow(CALLER_ID, 'Branchy', cards, orderings)]);
}

describe(CODE, () => {
  it('accepts branch heads that are cards of the flow', () => {
    expect(lintCode(ifElse('noopFalse1'), CODE)).toEqual([]);
  });

  it('reports a branch head that is not in the flow', () => {
    const d = one(lintCode(ifElse('goneNoop01'), CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Branchy" › card "If/Else" (ifelse0001)',
      pointer: `${floPointer(CALLER_ID)}/methods/1/branches/goneNoop01`,
    });
    expect(d.message).toContain('false branch');
  });
});
