import { describe, expect, it } from 'vitest';
import { connectorFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'OC-CB-NO-ACTION-FLOW';

describe(CODE, () => {
  it('accepts a connector with an action flow', () => {
    expect(lintCode(connectorFlopack(), CODE)).toEqual([]);
  });

  it('reports a connector whose only flows are httpHelper and _authping', () => {
    const fp = connectorFlopack();
    delete fp.data.flos['a0000000-0000-4000-8000-000000000003'];
    expect(one(lintCode(fp, CODE))).toMatchObject({ severity: 'error', pointer: '/data/flos' });
  });

  it('counts a called flow as a helper, not an action', () => {
    const fp = connectorFlopack();
    delete fp.data.flos['a0000000-0000-4000-8000-000000000003'];
    fp.data.flos['a0000000-0000-4000-8000-000000000001'].name = 'Make Request';
    expect(lintCode(fp, CODE, { connector: true })).toHaveLength(1);
  });
});
