/**
 * Subset matching for scenario expectations: objects match when every expected key matches, lists match element
 * by element (same length), `{ match: <regex> }` tests a string (numbers are tested as their decimal text), and
 * anything else must be strictly equal.
 */
export interface Mismatch {
  /** Dotted path of the value, e.g. `outputs.status` or `requests[0].form.To`. */
  path: string;
  expected: unknown;
  actual: unknown;
  message: string;
}

export function isRegexMatcher(v: unknown): v is { match: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as { match?: unknown }).match === 'string'
  );
}

export function matchValue(
  expected: unknown,
  actual: unknown,
  path: string,
  caseInsensitiveKeys = false,
): Mismatch[] {
  if (isRegexMatcher(expected)) {
    const text =
      typeof actual === 'string' ? actual : typeof actual === 'number' ? String(actual) : undefined;
    if (text !== undefined && new RegExp(expected.match).test(text)) return [];
    return [{ path, expected, actual, message: `expected a value matching /${expected.match}/` }];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected, actual, message: 'expected a list' }];
    if (actual.length !== expected.length) {
      return [
        { path, expected, actual, message: `expected ${expected.length} items, found ${actual.length}` },
      ];
    }
    return expected.flatMap((e, i) => matchValue(e, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [{ path, expected, actual, message: 'expected a mapping' }];
    }
    const entries = Object.entries(actual as Record<string, unknown>);
    return Object.entries(expected).flatMap(([key, e]) => {
      const found = caseInsensitiveKeys
        ? entries.find(([k]) => k.toLowerCase() === key.toLowerCase())
        : entries.find(([k]) => k === key);
      const sub = path ? `${path}.${key}` : key;
      if (!found) {
        return e === undefined ? [] : [{ path: sub, expected: e, actual: undefined, message: 'missing' }];
      }
      return matchValue(e, found[1], sub);
    });
  }
  if (Object.is(expected, actual) || expected === actual) return [];
  return [{ path, expected, actual, message: `expected ${show(expected)}, found ${show(actual)}` }];
}

/**
 * Ordered subset: each expected item must match some actual item after the previous match. Reports the first
 * expected item that could not be found, with the closest candidate's mismatches so the diff is useful.
 */
export function matchOrderedSubset(
  expected: readonly unknown[],
  actual: readonly unknown[],
  path: string,
  matchOne: (e: unknown, a: unknown, path: string) => Mismatch[],
): Mismatch[] {
  let from = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    let best: Mismatch[] | undefined;
    let found = -1;
    for (let j = from; j < actual.length; j++) {
      const problems = matchOne(e, actual[j], `${path}[${i}]`);
      if (problems.length === 0) {
        found = j;
        break;
      }
      if (!best || problems.length < best.length) best = problems;
    }
    if (found < 0) {
      const seen = actual.length - from;
      return [
        {
          path: `${path}[${i}]`,
          expected: e,
          actual: undefined,
          message:
            seen === 0
              ? `no ${actual.length ? 'further ' : ''}item to match (${actual.length} recorded in all)`
              : `none of the ${seen} remaining item(s) matched; closest differs at ${best?.map((m) => `${m.path} (${m.message})`).join(', ')}`,
        },
      ];
    }
    from = found + 1;
  }
  return [];
}

export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const text = JSON.stringify(v);
  return text.length > 300 ? text.slice(0, 297) + '...' : text;
}
