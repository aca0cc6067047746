import { describe, expect, it } from 'vitest';
import { connectorFlopack, io } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'CBDE000005H';
const ACTION = 'a0000000-0000-4000-8000-000000000003';
const AUTHPING = 'a0000000-0000-4000-8000-000000000002';

describe(CODE, () => {
  it('accepts a _authping flow without option or input fields (the connection input is fine)', () => {
    const fp = connectorFlopack();
    fp.data.flos[AUTHPING].name = '_authping';
    expect(lintCode(fp, CODE)).toEqual([]);
  });

  it('reports a flow with input fields named _authping', () => {
    const fp = connectorFlopack();
    fp.data.flos[ACTION].name = '_authping';
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "_authping"',
      pointer: `/data/flos/${ACTION}/name`,
    });
    expect(d.message).toContain('"To"');
  });

  it('reports a _authping flow that gained an option', () => {
    const fp = connectorFlopack();
    fp.data.flos[AUTHPING].name = '_authping';
    fp.data.flos[AUTHPING].data.methods[0].node.model.inputs.data.opt = io({
      id: 'opt',
      key: 'mode',
      group: 'parameters',
    });
    expect(one(lintCode(fp, CODE)).message).toContain('"mode"');
  });
});
