import { describe, expect, it } from 'vitest';
import { connectorFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'CBDE000001H';
const ACTION = 'a0000000-0000-4000-8000-000000000003';

function withSecondAction(name: string) {
  const fp = connectorFlopack();
  const copy = structuredClone(fp.data.flos[ACTION]);
  copy.id = copy.data.uuid = 'a0000000-0000-4000-8000-000000000004';
  copy.name = name;
  fp.data.flos[copy.id] = copy;
  return fp;
}

describe(CODE, () => {
  it('accepts distinct flow names', () => {
    expect(lintCode(withSecondAction('Send WhatsApp'), CODE)).toEqual([]);
  });

  it('reports a second flow with the same name', () => {
    expect(one(lintCode(withSecondAction('Send Message'), CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Message"',
      pointer: '/data/flos/a0000000-0000-4000-8000-000000000004/name',
    });
  });

  it('does not apply outside connector projects', () => {
    expect(lintCode(withSecondAction('Send Message'), CODE, { connector: false })).toEqual([]);
  });
});
