/**
 * Workflows has no card that tests a regular expression, so a test flow checks what any match must contain: the
 * literal runs of the pattern (`^SM[0-9a-f]{32}$` → starts with "SM"; `resource .*\.json` → contains "resource "
 * and ".json"). A necessary condition only, never a false failure. Undefined for patterns with alternation (`|`),
 * where no run is required.
 */
export interface RegexLiterals {
  /** The first fragment must be at position 0 (the pattern starts with `^` and a literal). */
  anchoredStart: boolean;
  fragments: string[];
}

const QUANTIFIERS_OPTIONAL = new Set(['*', '?', '{']);
const SPECIAL = new Set(['.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$']);

export function regexLiterals(pattern: string): RegexLiterals | undefined {
  if (pattern.includes('|')) return undefined;
  const fragments: string[] = [];
  let run = '';
  let lastLiteral = false;
  let anchoredStart = false;
  let firstAtStart = false;
  const flush = () => {
    if (run !== '') {
      if (fragments.length === 0 && firstAtStart) anchoredStart = true;
      fragments.push(run);
    }
    run = '';
    firstAtStart = false;
    lastLiteral = false;
  };
  let i = 0;
  if (pattern.startsWith('^')) {
    firstAtStart = true;
    i = 1;
  }
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1];
      i++;
      if (next !== undefined && (SPECIAL.has(next) || next === '\\' || next === '/' || next === '-')) {
        run += next;
        lastLiteral = true;
      } else flush(); // \d, \w, \s, \b...: a class, not a literal
      continue;
    }
    if (QUANTIFIERS_OPTIONAL.has(c)) {
      // The atom before may be absent: it cannot count as required text.
      if (lastLiteral) run = run.slice(0, -1);
      flush();
      if (c === '{') i = skipTo(pattern, i, '}');
      continue;
    }
    if (c === '+') {
      flush();
      continue;
    }
    if (c === '[') {
      flush();
      i = skipTo(pattern, i, ']');
      continue;
    }
    if (c === '(') {
      // A group may be optional or repeated: its content is not required text.
      flush();
      i = skipGroup(pattern, i);
      continue;
    }
    if (SPECIAL.has(c)) {
      flush();
      continue;
    }
    run += c;
    lastLiteral = true;
  }
  flush();
  return { anchoredStart, fragments };
}

function skipTo(pattern: string, from: number, close: string): number {
  for (let i = from + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === close) return i;
  }
  return pattern.length;
}

function skipGroup(pattern: string, from: number): number {
  let depth = 0;
  for (let i = from; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipTo(pattern, i, ']');
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      // A quantifier after the group belongs to it.
      const q = pattern[i + 1];
      if (q === '{') return skipTo(pattern, i + 1, '}');
      return q !== undefined && '*+?'.includes(q) ? i + 1 : i;
    }
  }
  return pattern.length;
}
