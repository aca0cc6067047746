import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-ID-FORMAT';

describe(CODE, () => {
  it('accepts lower-case UUIDs and nanoid card uuids', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('warns about a non-UUID folder id', () => {
    const fp = validFlopack();
    fp.data.groups = {
      'My-Folder': { id: 'My-Folder', data: { name: 'x', description: '', media_uri: '' } },
    };
    expect(one(lintCode(fp, CODE))).toMatchObject({ severity: 'warning', pointer: '/data/groups/My-Folder' });
  });

  it('warns about a card uuid with spaces', () => {
    const fp = validFlopack();
    cardsOf(fp, HELPER_ID)[4].uuid = 'my return';
    expect(one(lintCode(fp, CODE))).toMatchObject({
      where: 'flow "Send Greeting" › card "Return" (my return)',
      pointer: `${floPointer(HELPER_ID)}/methods/4/uuid`,
    });
  });
});
