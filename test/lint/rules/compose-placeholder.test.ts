import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-COMPOSE-PLACEHOLDER';

describe(CODE, () => {
  it('accepts placeholders that name inputs of the card, and Mustache-like text that is not a placeholder', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].node.model.inputs.data.inText0001.value.data = 'Hi {{{k1}}} at {{Base URL}}';
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports a placeholder without an input', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].node.model.inputs.data.inText0001.value.data = 'Hi {{{k1}}} and {{{k2}}}';
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Compose" (compose001)',
      pointer: `${floPointer(HELPER_ID)}/methods/1/node/model/inputs/data/inText0001/value/data`,
    });
    expect(d.message).toContain('{{{k2}}}');
  });
});

describe(`${CODE} on hostile text (issue 18 #5)`, () => {
  it.each([
    ['200,000 "{"', '{'.repeat(200_000)],
    ['an unclosed placeholder 200,000 long', '{{{' + 'k'.repeat(200_000)],
    ['50,000 unclosed placeholders', '{{{k'.repeat(50_000)],
    ['200,000 "}"', '}'.repeat(200_000)],
  ])('lints %s in linear time', (_, text) => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[1].node.model.inputs.data.inText0001.value.data = text;
    const started = performance.now();
    expect(lintCode(fp, CODE)).toEqual([]);
    // The backtracking expression took 13 s on the first case; a linear scan takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
