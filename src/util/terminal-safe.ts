/**
 * Control characters from input (a spec key, a flow name, a response body) must not reach a terminal raw: ESC
 * sequences can retitle the window, move the cursor or hide lines, BEL rings, CR overwrites what was printed, and
 * bidirectional overrides reorder text. They are written as visible escapes (`\x1b`, `\u202e`). Newline and tab
 * pass, and so do the few colour codes okta-connector paints with itself (bold, dim, red, green, yellow, cyan, resets).
 */
const UNSAFE =
  /\x1b\[(?:0|1|2|22|31|32|33|36|39)?m|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const ANY_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function escapeControlCharacters(text: string): string {
  if (!ANY_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (match) => {
    if (match.length > 1) return match; // one of our own colour codes
    const code = match.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A writer that escapes control characters in everything written through it (see escapeControlCharacters). */
export function terminalSafe(stream: { write(chunk: string): unknown }): { write(chunk: string): unknown } {
  return { write: (chunk: string) => stream.write(escapeControlCharacters(String(chunk))) };
}
