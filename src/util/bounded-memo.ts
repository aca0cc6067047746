/**
 * `fn` remembered per argument, for pure functions called again and again with a few recurring strings (card
 * addresses, field keys). Bounded: past `limit` distinct arguments everything is forgotten at once, since the
 * strings may come from any input.
 */
export function boundedMemo<T>(fn: (key: string) => T, limit = 4096): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key)!;
    if (seen.size >= limit) seen.clear();
    const value = fn(key);
    seen.set(key, value);
    return value;
  };
}
