import { boundedMemo } from '../util/bounded-memo.js';
import { isWindowsReservedName } from '../util/windows-names.js';

const NEEDS_ESCAPE = /[\r\n\t\\`*_{}[\]<>#|~&]|^\s*([-+=]|\d+[.)])/;

/**
 * Escaping for user text (names, labels, descriptions) placed in Markdown: the result is one line that CommonMark
 * and GitHub read as plain text — no emphasis, links, HTML, headings, list items or table cell breaks.
 */
export function mdEscape(text: string): string {
  // Most names need nothing: skip the replace chain (it runs for every cell of every table).
  return NEEDS_ESCAPE.test(text) ? escapeOnce(text) : text;
}

/**
 * The replace chain, remembered: the few texts that need it (field keys such as status_code, operators such as >=)
 * come back on every card that shows them.
 */
const escapeOnce = boundedMemo((text: string) =>
  text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2'),
);

/** An inline code span that holds any text: a backtick fence longer than any run inside; `|` escaped for tables. */
export function mdCode(text: string): string {
  // Most values hold no backtick, pipe or line break: one backtick each side, nothing to scan.
  if (!CODE_SPECIAL.test(text)) return text === '' ? '`  `' : `\`${text}\``;
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const CODE_SPECIAL = /[\r\n\t|`]/;

/** A fenced code block for multi-line text: the fence is longer than any backtick run inside. */
export function mdFence(text: string, info = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}

/** File-name slug: "Send Message via Messaging Service" → "send-message-via-messaging-service". */
export function kebab(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Unique slugs for a list of names (never a name Windows reserves, see windows-names.ts) (collisions get -2, -3 …; empty ones become `fallback`). */
export function uniqueSlugs(names: readonly string[], fallback: string): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const kebabbed = kebab(name) || fallback;
    // An action named "Con" or "Nul" must not become docs/actions/con.md: Windows cannot create that file.
    const base = isWindowsReservedName(kebabbed) ? `${kebabbed}-action` : kebabbed;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
