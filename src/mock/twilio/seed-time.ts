const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `now`, `-2h`, `-30m`, `-3d`, `-10s` (relative to `now`) or an ISO 8601 time; undefined when unreadable. */
export function parseSeedTime(text: string, now: Date): Date | undefined {
  const t = text.trim();
  if (t === 'now') return now;
  const rel = /^([+-])(\d+(?:\.\d+)?)([smhd])$/.exec(t);
  if (rel) {
    const sign = rel[1] === '+' ? 1 : -1; // '-2h' = two hours ago
    return new Date(now.getTime() + sign * Number(rel[2]) * UNIT_MS[rel[3]!]!);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
