import { describe, expect, it } from 'vitest';
import { connectorFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'CBDE000006H';
const AUTHPING = 'a0000000-0000-4000-8000-000000000002';

/** The connector with `count` flows named _revoke shaped like system flows (no inputs but the connection). */
function withSystemFlows(count: number) {
  const fp = connectorFlopack();
  const template = fp.data.flos[AUTHPING];
  for (let i = 0; i < count; i++) {
    const copy = structuredClone(template);
    copy.id = copy.data.uuid = `b0000000-0000-4000-8000-00000000000${i}`;
    copy.name = '_revoke';
    fp.data.flos[copy.id] = copy;
  }
  return fp;
}

describe(CODE, () => {
  it('accepts one _revoke flow', () => {
    expect(lintCode(withSystemFlows(1), CODE)).toEqual([]);
  });

  it('reports a second _revoke flow', () => {
    const fp = withSystemFlows(2);
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "_revoke"',
      pointer: '/data/flos/b0000000-0000-4000-8000-000000000001/name',
    });
  });
});
