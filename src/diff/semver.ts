import type { Impact } from './changes.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const ORDER: Bump[] = ['none', 'patch', 'minor', 'major'];

/** The smallest version bump that honestly describes the changes (semver: breaking → major, additive → minor). */
export function requiredBump(impacts: readonly Impact[]): Bump {
  if (impacts.includes('breaking')) return 'major';
  if (impacts.includes('additive')) return 'minor';
  if (impacts.includes('cosmetic')) return 'patch';
  return 'none';
}

function parse(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.split(/[-+]/)[0]!.split('.').map(Number);
  return [major, minor, patch];
}

/**
 * The bump actually made between two versions ("none" when equal or lower). Before 1.0.0 (semver §4: anything may
 * change) the places shift one down, as npm's caret ranges read them: 0.x minor = major, 0.x.y patch = minor.
 */
export function actualBump(before: string, after: string): Bump {
  const [a, b] = [parse(before), parse(after)];
  // Before 1.0.0, semver allows breaking changes in a minor bump.
  if (b[0] > a[0]) return 'major';
  if (b[0] < a[0]) return 'none';
  if (b[1] > a[1]) return a[0] === 0 ? 'major' : 'minor';
  if (b[1] < a[1]) return 'none';
  if (b[2] > a[2]) return a[0] === 0 ? 'minor' : 'patch';
  return 'none';
}

export function isEnough(actual: Bump, required: Bump): boolean {
  return ORDER.indexOf(actual) >= ORDER.indexOf(required);
}
