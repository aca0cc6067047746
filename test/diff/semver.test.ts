import { describe, expect, it } from 'vitest';
import { actualBump, isEnough, requiredBump } from '../../src/diff/semver.js';

describe('semver checks', () => {
  it('derives the bump the changes need', () => {
    expect(requiredBump(['cosmetic', 'breaking'])).toBe('major');
    expect(requiredBump(['additive', 'cosmetic'])).toBe('minor');
    expect(requiredBump(['cosmetic'])).toBe('patch');
    expect(requiredBump([])).toBe('none');
  });

  it('measures the bump made, with 0.x minors counting as major', () => {
    expect(actualBump('1.2.3', '2.0.0')).toBe('major');
    expect(actualBump('1.2.3', '1.3.0')).toBe('minor');
    expect(actualBump('1.2.3', '1.2.4')).toBe('patch');
    expect(actualBump('1.2.3', '1.2.3')).toBe('none');
    expect(actualBump('1.2.3', '1.1.9')).toBe('none');
    expect(actualBump('0.2.0', '0.3.0')).toBe('major');
    // 0.x patches count as minor (README "diff"): an additive change may ship as 0.2.1.
    expect(actualBump('0.2.0', '0.2.1')).toBe('minor');
  });

  it('accepts a bump at least as large as needed', () => {
    expect(isEnough('major', 'minor')).toBe(true);
    expect(isEnough('patch', 'minor')).toBe(false);
    expect(isEnough('none', 'none')).toBe(true);
  });
});
