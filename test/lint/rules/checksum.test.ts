import { describe, expect, it } from 'vitest';
import { validFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-CHECKSUM';

describe(CODE, () => {
  it('accepts a file without checksum', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('warns about a checksum', () => {
    const fp = { ...validFlopack(), checksum: 'a'.repeat(64) };
    expect(one(lintCode(fp, CODE))).toMatchObject({ severity: 'warning', pointer: '/checksum' });
  });
});
