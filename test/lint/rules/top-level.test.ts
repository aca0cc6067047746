import { describe, expect, it } from 'vitest';
import { validFlopack } from '../../fixtures/flopacks/builder.js';
import { lintCode } from '../helpers.js';

const CODE = 'OC-FLOPACK-TOP';

describe(CODE, () => {
  it('accepts a well-formed envelope', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a wrong type and version', () => {
    const fp = validFlopack();
    fp.type = 'flow';
    fp.version = '2.0';
    const found = lintCode(fp, CODE);
    expect(found.map((d) => d.pointer)).toEqual(['/type', '/version']);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports data maps that are not objects, without throwing', () => {
    const fp = validFlopack();
    fp.data.configs = [];
    expect(lintCode(fp, CODE).map((d) => d.pointer)).toEqual(['/data/configs']);
  });

  it('reports non-objects at the top', () => {
    for (const junk of [null, 42, 'flopack', []]) {
      expect(lintCode(junk, CODE)).toMatchObject([{ severity: 'error', pointer: '' }]);
    }
  });
});
