/**
 * Names longer than this get no suggestion: real keys, placeholders and card names are short, and capping the
 * length keeps every comparison O(MAX_SUGGESTION_LENGTH × limit), so a hostile 40,000-character key costs nothing.
 */
export const MAX_SUGGESTION_LENGTH = 128;

/** Edit distance (insert, delete, substitute), case-sensitive. */
export function levenshtein(a: string, b: string): number {
  return boundedLevenshtein(a, b, Math.max(a.length, b.length));
}

/**
 * Edit distance when it is at most `limit`, else `limit + 1`. Only the diagonal band of width 2·limit+1 is computed
 * (cells outside it already exceed the limit), and the scan stops as soon as a whole row exceeds it.
 */
export function boundedLevenshtein(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const over = limit + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    cur.fill(over);
    cur[0] = i <= limit ? i : over;
    let rowMin = cur[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = d > over ? over : d;
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > limit) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, over);
}

/**
 * The candidate closest to `input` (case-insensitive), or undefined when nothing is close enough: at most a third
 * of the longer string's length in edits (at least 1), so "Send Mesage" finds "Send Message" but "x" finds nothing.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_SUGGESTION_LENGTH) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_SUGGESTION_LENGTH) continue;
    const hay = candidate.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
    const distance =
      hay === needle
        ? 0
        : hay.startsWith(needle) || needle.startsWith(hay)
          ? 1
          : boundedLevenshtein(needle, hay, Math.min(limit, bestDistance - 1));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "X"?)` or an empty string, for appending to messages. */
export function didYouMeanSuffix(input: string, candidates: readonly string[]): string {
  const guess = didYouMean(input, candidates);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}

/** `did you mean "X"?` for a diagnostic's hint, or undefined. */
export function didYouMeanHint(input: string, candidates: readonly string[]): string | undefined {
  const guess = didYouMean(input, candidates);
  return guess === undefined ? undefined : `did you mean "${guess}"?`;
}
