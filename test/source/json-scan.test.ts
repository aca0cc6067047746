import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../src/mock/openapi/random.js';
import {
  jsonNestingExceeds,
  MAX_NESTING_DEPTH,
  parseSource,
  pointerSegments,
  repeatsKey,
  scanJson,
  toPointer,
} from '../../src/source/document.js';
import { DiagnosticsError } from '../../src/errors.js';
import { nestingDepth } from '../../src/util/json-walk.js';

// --- The reference: the two passes scanJson replaced, as they were (src/source/document.ts before issue 17).

function referenceNestingExceeds(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > MAX_NESTING_DEPTH) return i;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return undefined;
}

/** One linear pass over valid JSON: does any object repeat a key? */
function referenceDuplicateKey(text: string): boolean {
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (ch === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === 0x5b /* [ */) stack.push(null);
    else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) stack.pop();
    else if (ch === 0x2c /* , */) expectKey = stack[stack.length - 1] !== null && stack.length > 0;
  }
  return false;
}

// --- Random JSON-ish text: keys that collide after decoding, strings full of brackets and escapes, deep chains.

/** Raw string contents (already escaped as JSON): "a" and "\u0061" are the same key once decoded. */
const KEYS = ['a', 'b', '__proto__', '\\u0061', 'a\\"', '\\\\', '{', '[x]', '', 'é', '\\n', '\\/'];
const STRINGS = [...KEYS, '}}]]', '\\"{', 'x,"y":1', '\\\\\\"'];
const SPACE = ['', '', ' ', '\n', '\t', '\r\n'];

function value(r: Random, depth: number): string {
  const ws = () => r.pick(SPACE);
  const kind = depth > 6 ? r.int(2, 4) : r.int(0, 4);
  if (kind === 0) {
    const keys = Array.from({ length: r.int(0, 4) }, () => r.pick(KEYS));
    return `{${ws()}${keys.map((k) => `"${k}"${ws()}:${ws()}${value(r, depth + 1)}`).join(`,${ws()}`)}${ws()}}`;
  }
  if (kind === 1)
    return `[${Array.from({ length: r.int(0, 3) }, () => value(r, depth + 1)).join(`${ws()},${ws()}`)}]`;
  if (kind === 2) return `"${r.pick(STRINGS)}"`;
  if (kind === 3) return r.pick(['0', '-1.5e3', '12']);
  return r.pick(['true', 'false', 'null']);
}

/** A value wrapped `levels` deep in objects and arrays, around the nesting limit. */
function deep(r: Random, levels: number): string {
  let text = value(r, 5);
  for (let i = 0; i < levels; i++) text = r.next() < 0.5 ? `[${text}]` : `{"${r.pick(KEYS)}": ${text}}`;
  return text;
}

/** Breaks a text the way an editor does: a character dropped, added or doubled, or the end cut off. */
function mutate(r: Random, text: string): string {
  const at = r.int(0, text.length);
  switch (r.int(0, 3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + r.pick([...'{}[]",:\\ ']) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at, at + 3).repeat(2) + text.slice(at + 3);
    default:
      return text.slice(0, at);
  }
}

function texts(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const r = seededRandom('json-scan', String(i));
    const base =
      i % 10 === 0
        ? deep(r, MAX_NESTING_DEPTH + r.int(-3, 3))
        : `${r.pick(SPACE)}${r.next() < 0.7 ? value(r, 0).replace(/^[^{[]/, '{"k":$&') : value(r, 0)}`;
    out.push(base);
    if (i % 3 === 0) out.push(mutate(r, base));
  }
  return out;
}

const diagnosticCode = (action: () => unknown): string | undefined => {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics[0]!.code;
    throw error;
  }
};

describe('scanJson: one pass for nesting and duplicate keys (issue 17)', () => {
  it('gives the verdicts of the two passes it replaced, on valid and broken texts', () => {
    const seen = { invalid: 0, tooDeep: 0, duplicate: 0, clean: 0 };
    for (const text of texts()) {
      const scan = scanJson(text);
      const reference = referenceNestingExceeds(text);
      expect(scan.tooDeepAt, text).toBe(reference);
      expect(jsonNestingExceeds(text), text).toBe(reference);
      if (reference !== undefined) {
        seen.tooDeep++;
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        seen.invalid++;
        continue;
      }
      const duplicate = referenceDuplicateKey(text);
      expect(repeatsKey(scan, parsed), text).toBe(duplicate);
      // Why parseSource skips its tree walk for JSON: what the scan let through nests within the limit.
      expect(nestingDepth(parsed)).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
      if (duplicate) seen.duplicate++;
      else seen.clean++;
    }
    // The generator reaches every verdict, often.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(100);
  });

  it('parseSource refuses, or reads exactly the data of, every such text', () => {
    // Texts that parseSource reads as JSON (a cut or a dropped bracket may leave YAML or nothing).
    for (const text of texts()
      .filter((t) => /^\s*[{[]/.test(t))
      .slice(0, 1500)) {
      const code = diagnosticCode(() => parseSource(text, 'f.json'));
      if (referenceNestingExceeds(text) !== undefined) expect(code, text).toBe('OC-SOURCE-TOO-DEEP');
      else if (code === undefined) expect(parseSource(text, 'f.json').data).toEqual(JSON.parse(text));
      else expect(code, text).toBe('OC-SOURCE-SYNTAX');
    }
  });
});

describe('toPointer', () => {
  /** As it was before it skipped the replacements for segments with nothing to escape (issue 17). */
  const reference = (segments: ReadonlyArray<string | number>) =>
    segments.length === 0
      ? ''
      : '/' + segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  it('escapes every segment as before, and pointerSegments reads each back', () => {
    const pieces = ['a', '~', '/', '~1', '0', '', 'é', ' ', '~/~'];
    for (let i = 0; i < 2000; i++) {
      const r = seededRandom('to-pointer', String(i));
      const segments = Array.from({ length: r.int(0, 4) }, () =>
        r.next() < 0.2 ? r.int(0, 12) : Array.from({ length: r.int(0, 3) }, () => r.pick(pieces)).join(''),
      );
      const pointer = toPointer(segments);
      expect(pointer).toBe(reference(segments));
      if (segments.length > 0 && !(segments.length === 1 && segments[0] === ''))
        expect(pointerSegments(pointer)).toEqual(segments.map(String));
    }
  });
});
