import { describe, expect, it } from 'vitest';
import { connectorFlopack, validFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'CBDE000003H';
const ACTION = 'a0000000-0000-4000-8000-000000000003';

function named(name: string) {
  const fp = connectorFlopack();
  fp.data.flos[ACTION].name = name;
  return fp;
}

describe(CODE, () => {
  it('accepts letters, numbers and spaces, and leaves httpHelper/_authping alone', () => {
    expect(lintCode(named('Send Message 2'), CODE)).toEqual([]);
  });

  it('reports punctuation and trailing spaces in an action flow name, with a suggestion', () => {
    const d = one(lintCode(named('Send-Message (v2) '), CODE));
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send-Message (v2) "',
      pointer: `/data/flos/${ACTION}/name`,
      hint: 'rename it to "Send Message v2"',
    });
  });

  it('applies when forced with connector: true, and not by default to plain folders', () => {
    const fp = validFlopack();
    fp.data.flos['9ce127a5-3ed3-4b02-b462-381a92174afc'].name = 'Caller!';
    expect(lintCode(fp, CODE)).toEqual([]);
    expect(lintCode(fp, CODE, { connector: true })).toHaveLength(1);
  });
});
