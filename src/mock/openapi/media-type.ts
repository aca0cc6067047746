/** `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The description's media-type key a request's Content-Type falls under: the exact type first, then `type/*`,
 * then `*\/*` (OpenAPI: "the most specific key is applicable").
 */
export function matchMediaType(contentType: string, keys: readonly string[]): string | undefined {
  const type = essence(contentType);
  if (type === '') return undefined;
  const lower = keys.map((k) => essence(k));
  const exact = lower.indexOf(type);
  if (exact >= 0) return keys[exact];
  const range = lower.indexOf(`${type.split('/')[0]}/*`);
  if (range >= 0) return keys[range];
  const any = lower.indexOf('*/*');
  return any >= 0 ? keys[any] : undefined;
}

export type MediaFamily = 'json' | 'form' | 'multipart' | 'text' | 'other';

/** How a body of this media type is read. */
export function mediaFamily(mediaType: string): MediaFamily {
  const type = essence(mediaType);
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

/**
 * The response media type for an Accept header: the first of the description's types the client accepts, in
 * the client's order of preference; the description's first when nothing fits (the mock does not refuse with
 * 406: real APIs rarely do).
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (offered.length <= 1 || !accept) return offered[0];
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((x) => x !== undefined);
      return { range: essence(range), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const hit = offered.find((o) => {
      const type = essence(o);
      return (
        range === '*/*' || range === type || (range.endsWith('/*') && type.startsWith(range.slice(0, -1)))
      );
    });
    if (hit) return hit;
  }
  return offered[0];
}
