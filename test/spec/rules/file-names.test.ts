import { describe, expect, it } from 'vitest';
import { fileNames } from '../../../src/spec/rules/file-names.js';
import { uniqueSlugs } from '../../../src/handoff-package/markdown.js';
import { isWindowsReservedName } from '../../../src/util/windows-names.js';
import { baseSpec, runRule, validateObject, withSpec } from '../helpers.js';

describe('Windows reserved file names (issue 18 #9)', () => {
  it('knows the device names, with or without an extension, in any case', () => {
    for (const name of ['con', 'NUL', 'aux.md', 'com1', 'LPT9.zip', 'prn.flopack', 'nul ', 'con.']) {
      expect(isWindowsReservedName(name), name).toBe(true);
    }
    for (const name of ['console', 'nullable', 'com', 'lpt10', 'acon', 'twilio']) {
      expect(isWindowsReservedName(name), name).toBe(false);
    }
  });

  it('refuses a connector named con with a located error', () => {
    expect(runRule(fileNames, baseSpec())).toEqual([]);
    const found = validateObject(withSpec((s) => (s.name = 'con'))).filter(
      (d) => d.code === 'OC-SPEC-RESERVED-FILE-NAME',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', pointer: '/name', line: 2 });
  });

  it('never gives an action page a reserved name', () => {
    expect(uniqueSlugs(['Con', 'NUL', 'Aux', 'Send'], 'action')).toEqual([
      'con-action',
      'nul-action',
      'aux-action',
      'send',
    ]);
  });
});
