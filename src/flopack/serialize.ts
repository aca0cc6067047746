import type { Flopack } from './types.js';

export interface SerializeOptions {
  /** Spaces per level. Default 0: compact JSON, as Okta's own exports are (and 2.6x smaller than 2-space). */
  indent?: number;
}

/**
 * The flopack as JSON text: compact like Okta's exports, trailing newline, keys in insertion order (the builder always
 * creates them in the order real exports use, so the same input gives the same bytes). `<`, `>`, `&` and the
 * JS line separators U+2028/U+2029 are written as \u escapes: the parsed text is unchanged, and the file stays
 * safe to embed in HTML (`</script>`) or JS.
 */
export function serializeFlopack(flopack: Flopack, options: SerializeOptions = {}): string {
  const json = JSON.stringify(flopack, null, options.indent ?? 0);
  return `${UNSAFE_TEST.test(json) ? json.replace(UNSAFE, escapeChar) : json}\n`;
}

/**
 * The same bytes as `serializeFlopack`, in pieces (one per flo and top-level section), so a large connector
 * can be written to a stream without holding the whole text in memory.
 */
export function* serializeFlopackChunks(flopack: Flopack, options: SerializeOptions = {}): Generator<string> {
  const indent = options.indent ?? 0;
  for (const chunk of chunks(flopack, 0, 0, indent))
    yield UNSAFE_TEST.test(chunk) ? chunk.replace(UNSAFE, escapeChar) : chunk;
  yield '\n';
}

/** Objects down to `data.flos` are written key by key; everything below by JSON.stringify (re-indented). */
function* chunks(value: unknown, depth: number, level: number, indent: number): Generator<string> {
  const entries =
    depth < 3 && value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function')
      : undefined;
  if (!entries || entries.length === 0) {
    const json = JSON.stringify(value, null, indent);
    yield indent && level ? json.replaceAll('\n', `\n${' '.repeat(level * indent)}`) : json;
    return;
  }
  const inner = indent ? `\n${' '.repeat((level + 1) * indent)}` : '';
  const colon = indent ? ': ' : ':';
  let first = true;
  for (const [key, v] of entries) {
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}${colon}`;
    yield* chunks(v, depth + 1, level + 1, indent);
    first = false;
  }
  yield indent ? `\n${' '.repeat(level * indent)}}` : '}';
}

const UNSAFE = /[<>&\u2028\u2029]/g;
const UNSAFE_TEST = /[<>&\u2028\u2029]/;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
