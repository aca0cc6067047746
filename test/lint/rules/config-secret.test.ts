import { describe, expect, it } from 'vitest';
import { CONFIG_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-CONFIG-SECRET';

describe(CODE, () => {
  it('accepts connection placeholders with null data', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports connection data and does not echo it', () => {
    const fp = validFlopack();
    fp.data.configs[CONFIG_ID].data = { password: 'pa55word-do-not-print' };
    const d = one(lintCode(fp, CODE));
    expect(d).toMatchObject({ severity: 'error', pointer: `/data/configs/${CONFIG_ID}/data` });
    expect(d.message).toContain('"HTTP Example"');
    expect(JSON.stringify(d)).not.toContain('pa55word');
  });
});
