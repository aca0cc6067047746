/** Edit distance (insert, delete, substitute), case-sensitive. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to `input` (case-insensitive), or undefined when nothing is close enough: at most a third
 * of the longer string's length in edits (at least 1), so "Send Mesage" finds "Send Message" but "x" finds nothing.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const distance =
      hay === needle ? 0 : hay.startsWith(needle) || needle.startsWith(hay) ? 1 : levenshtein(needle, hay);
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
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
