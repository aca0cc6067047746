import { describe, expect, it } from 'vitest';
import { GROUP_ID, HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-FOLDER-REF';

describe(CODE, () => {
  it('accepts flows in a folder of the file', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('warns about a flow in an unknown folder', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.group = '00000000-0000-4000-8000-000000000000';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'warning',
      where: 'flow "Send Greeting"',
      pointer: `${floPointer(HELPER_ID)}/group`,
    });
  });

  it('warns about a folder path naming an unknown folder', () => {
    const fp = validFlopack();
    fp.data.groups[GROUP_ID].data.path = 'nowhere';
    expect(one(lintCode(fp, CODE)).pointer).toBe(`/data/groups/${GROUP_ID}/data/path`);
  });
});
