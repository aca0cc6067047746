import { describe, expect, it } from 'vitest';
import { CALLER_ID, GROUP_ID, card, flopack, flow } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-TABLE-REF';
const TABLE = '16aaa863-8369-4383-b826-c16a85d02d5b';

function withTableCard(ref: string) {
  const cards = [
    card({ uuid: 'start00001', address: 'control:callable' }),
    card({
      uuid: 'createRow1',
      address: 'root:channels:http:stash:0.7.147:createRow',
      name: 'Create Row',
      inputs: [{ id: 'inStash001', key: 'stash', group: 'parameters', data: ref }],
    }),
  ];
  const table = {
    id: TABLE,
    name: 'Pets',
    description: '',
    data: { class: 'simple', group_id: GROUP_ID, structure: [] },
  };
  return flopack([flow(CALLER_ID, 'Rows', cards)], { tables: { [TABLE]: table } });
}

describe(CODE, () => {
  it('accepts a table exported with the folder', () => {
    expect(lintCode(withTableCard(TABLE), CODE)).toEqual([]);
  });

  it('reports a table that is not in data.tables', () => {
    expect(one(lintCode(withTableCard('3e0dc460-0144-44bb-a99d-40ac68e4e88b'), CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Rows" › card "Create Row" (createRow1)',
      pointer: `${floPointer(CALLER_ID)}/methods/1/node/model/inputs/data/inStash001/value/data`,
    });
  });
});
