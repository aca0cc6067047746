import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticsError } from '../errors.js';
import { fastYamlData } from './fast-yaml.js';
import { yamlLibrary as yaml } from './yaml-library.js';

/** Larger files are refused before parsing: no real spec or flopack comes close (Okta's biggest exports are ~2 MB). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** Caps YAML alias expansion so an alias bomb fails fast instead of exhausting memory. */
const MAX_ALIAS_COUNT = 1000;
/**
 * Deepest nesting accepted. Real files stay far below it (Okta's exports nest at most ~35 levels), and a cap keeps
 * every later walk, recursive or not, safe from a stack overflow on a hostile file nested thousands deep.
 */
export const MAX_NESTING_DEPTH = 128;

export const SOURCE_CODES = {
  read: 'OC-SOURCE-READ',
  empty: 'OC-SOURCE-EMPTY',
  tooLarge: 'OC-SOURCE-TOO-LARGE',
  tooDeep: 'OC-SOURCE-TOO-DEEP',
  binary: 'OC-SOURCE-BINARY',
  syntax: 'OC-SOURCE-SYNTAX',
} as const;

export interface Position {
  line: number;
  column: number;
}

/** A parsed YAML or JSON file that can map a JSON pointer back to a line and column. */
export interface SourceDocument {
  file: string;
  text: string;
  data: unknown;
  /** Line and column of the value at `pointer` (or of its key, with `atKey`, e.g. for an unknown key). */
  locate(pointer: string, atKey?: boolean): Position | undefined;
  /** A diagnostic located at `pointer` in this file. */
  at(
    pointer: string,
    d: Omit<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>,
    atKey?: boolean,
  ): Diagnostic;
}

function fail(file: string, code: string, message: string, pos?: Position, hint?: string): never {
  throw new DiagnosticsError([
    { severity: 'error', code, message, file, line: pos?.line, column: pos?.column, hint },
  ]);
}

/** Files up to this size are read synchronously (see loadSourceFile). */
const READ_SYNC_BYTES = 1024 * 1024;

/**
 * Reads and parses a file; every failure is a DiagnosticsError naming the file (and line/column for syntax).
 * Specs and scenarios are small: a synchronous stat and read costs a tenth of the thread pool's round trips
 * (open, stat, read, close), which a cold `build` of a connector with scenarios pays ~30 times. Large files
 * (flopacks, OpenAPI descriptions) are read asynchronously, so a server's event loop is not held up.
 */
export async function loadSourceFile(file: string, displayName = file): Promise<SourceDocument> {
  let size: number;
  try {
    const info = statSync(file);
    if (info.isDirectory()) fail(displayName, SOURCE_CODES.read, `expected a file but found a directory`);
    size = info.size;
  } catch (error) {
    if (error instanceof DiagnosticsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    fail(displayName, SOURCE_CODES.read, `cannot read the file: ${why}`);
  }
  if (size > MAX_SOURCE_BYTES) {
    fail(
      displayName,
      SOURCE_CODES.tooLarge,
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB is accepted`,
    );
  }
  const bytes = size <= READ_SYNC_BYTES ? readFileSync(file) : await readFile(file);
  return parseSource(bytes, displayName);
}

/** Parses bytes as YAML 1.2 (which includes JSON) with positions; refuses binary and non-UTF-8 content. */
export function parseSource(bytes: Uint8Array | string, file: string): SourceDocument {
  const text = typeof bytes === 'string' ? bytes : decodeUtf8(bytes, file);
  if (text.trim() === '')
    fail(file, SOURCE_CODES.empty, 'the file is empty; expected a YAML or JSON document');
  if (text.includes('\u0000')) {
    fail(file, SOURCE_CODES.binary, 'the file contains NUL bytes; expected a YAML or JSON text file');
  }
  const isJson = looksLikeJson(text);
  // One pass over JSON text bounds its nesting and counts its members, for repeated keys (see scanJson).
  const scan = isJson ? scanJson(text) : undefined;
  if (scan?.tooDeepAt !== undefined) failTooDeepJson(text, scan.tooDeepAt, file);
  // JSON parses natively and plain YAML through js-yaml (both fast); the `yaml` library's AST, needed to turn
  // pointers into positions, is built on first use, and gives the data (and every error) for the rest of YAML.
  const fast: { value: unknown; nesting?: number } | undefined = scan
    ? parseJson(text, file, scan)
    : fastYamlData(text.replace(/^\uFEFF/, ''), {
        maxDepth: MAX_NESTING_DEPTH,
        maxAliases: MAX_ALIAS_COUNT,
      });
  let ast: { doc: Document; lineCounter: LineCounter } | undefined;
  const yamlAst = () => (ast ??= withinStack(file, () => parseYamlAst(text, file, isJson)));
  const data = fast !== undefined ? fast.value : withinStack(file, () => toData(yamlAst().doc, file));
  const locate = (pointer: string, atKey = false) => {
    const { doc, lineCounter } = yamlAst();
    return locateInDocument(doc, lineCounter, pointer, atKey);
  };
  // JSON.parse builds one value per bracket, so JSON the scan let through nests no deeper than the limit; plain YAML
  // without aliases nests as deeply as its events say. Otherwise (aliases, the yaml path) the value is walked.
  const withinLimit =
    scan !== undefined || (fast?.nesting !== undefined && fast.nesting <= MAX_NESTING_DEPTH);
  const tooDeep = withinLimit ? undefined : firstTooDeep(data, MAX_NESTING_DEPTH);
  if (tooDeep) {
    fail(
      file,
      SOURCE_CODES.tooDeep,
      `the document nests more than ${MAX_NESTING_DEPTH} levels deep`,
      locate(toPointer(tooDeep)),
      'no connector spec or flow needs this depth; flatten the structure',
    );
  }
  return {
    file,
    text,
    data,
    locate,
    at: (pointer, d, atKey) => ({ ...d, file, pointer, ...locate(pointer, atKey) }),
  };
}

/**
 * The data of YAML text as the `yaml` library gives it, with all of its checks (syntax, duplicate keys, aliases),
 * skipping the fast path: the reference that test/source/fast-yaml.test.ts holds the fast path to.
 */
export function yamlLibraryData(text: string, file: string): unknown {
  return withinStack(file, () => toData(parseYamlAst(text, file, false).doc, file));
}

const TOO_DEEP_MESSAGE = `the document nests too deeply to read (more than ${MAX_NESTING_DEPTH} levels)`;

/** Runs a parsing step; a stack overflow inside the parser (thousands of levels) becomes a diagnostic. */
function withinStack<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError) fail(file, SOURCE_CODES.tooDeep, TOO_DEEP_MESSAGE);
    throw error;
  }
}

/**
 * The path to a value nested deeper than `limit`, or undefined. Heights are computed bottom-up with an explicit
 * stack (no recursion), once per object, so values shared by YAML aliases cost nothing extra; a cycle (an alias
 * inside its own anchor) is not depth, and is left to the checks that report it.
 */
function firstTooDeep(root: unknown, limit: number): Array<string | number> | undefined {
  const isNode = (v: unknown): v is object => v !== null && typeof v === 'object';
  if (!isNode(root)) return undefined;
  const height = new Map<object, number>();
  const onStack = new Set<object>();
  const stack: Array<{ node: object; children: unknown[]; next: number }> = [];
  const enter = (node: object) => {
    onStack.add(node);
    stack.push({ node, children: Object.values(node), next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (isNode(child) && !height.has(child) && !onStack.has(child)) enter(child);
      continue;
    }
    let h = 1;
    for (const child of top.children) if (isNode(child)) h = Math.max(h, 1 + (height.get(child) ?? 0));
    height.set(top.node, h);
    onStack.delete(top.node);
    stack.pop();
  }
  if ((height.get(root) ?? 0) <= limit) return undefined;
  // Walk down the tallest branch to the first value past the limit.
  const path: Array<string | number> = [];
  let node: object = root;
  while (path.length < limit) {
    let best: [string, object] | undefined;
    for (const [key, child] of Object.entries(node)) {
      if (isNode(child) && (!best || (height.get(child) ?? 0) > (height.get(best[1]) ?? 0)))
        best = [key, child];
    }
    if (!best) break;
    path.push(Array.isArray(node) ? Number(best[0]) : best[0]);
    node = best[1];
  }
  return path;
}

/** JSON nested deeper than the limit is refused at the bracket that passes it, before JSON.parse can overflow. */
function failTooDeepJson(text: string, at: number, file: string): never {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  fail(file, SOURCE_CODES.tooDeep, TOO_DEEP_MESSAGE, { line, column }, 'flatten the structure');
}

/** The offset of the first bracket nested deeper than MAX_NESTING_DEPTH in JSON text, or undefined; one pass. */
export function jsonNestingExceeds(text: string): number | undefined {
  return scanJson(text).tooDeepAt;
}

/** What one pass over JSON text finds (scanJson). */
export interface JsonScan {
  /** The offset of the first bracket nested deeper than MAX_NESTING_DEPTH; the scan stops there. */
  tooDeepAt: number | undefined;
  /** How many `key: value` members its objects hold (the colons outside strings); meaningful for valid JSON only. */
  members: number;
}

/**
 * One linear pass over JSON text, valid or not: how deep its brackets nest (outside strings) and how many object
 * members it holds. On text that is not JSON the nesting verdict is still exact, and the count is ignored (JSON.parse
 * fails first). The count tells whether an object repeats a key (repeatsKey); a set of the keys of every object,
 * which the scan kept before, cost more than the rest of the scan (issue 17).
 */
export function scanJson(text: string): JsonScan {
  let depth = 0;
  let members = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
    } else if (ch === 0x3a /* : */) members++;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > MAX_NESTING_DEPTH) return { tooDeepAt: i, members };
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return { tooDeepAt: undefined, members };
}

/**
 * Whether some object of valid JSON text repeats a key, given the text's scan and its JSON.parse value: JSON.parse
 * keeps one value for a repeated key, silently, so the value then holds fewer members than the text.
 */
export function repeatsKey(scan: JsonScan, value: unknown): boolean {
  // A JSON.parse value is a tree (nothing shared, no cycle), nested no deeper than the scan let through.
  let members = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) {
      for (let i = 0; i < next.length; i++) pending.push(next[i]);
    } else {
      const keys = Object.keys(next);
      members += keys.length;
      for (let i = 0; i < keys.length; i++) pending.push((next as Record<string, unknown>)[keys[i]!]);
    }
  }
  return members !== scan.members;
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(
      file,
      SOURCE_CODES.binary,
      'the file is not valid UTF-8 text; expected a YAML or JSON document',
    );
  }
}

function parseYamlAst(
  text: string,
  file: string,
  isJson: boolean,
): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false,
    // The library's own duplicate check compares every key with every other (quadratic); ours is one pass.
    uniqueKeys: false,
  });
  const problem = doc.errors[0] ?? firstDuplicateKey(doc);
  if (problem) {
    const lp = problem.pos ? lineCounter.linePos(problem.pos[0]) : undefined;
    const pos = lp ? { line: lp.line, column: lp.col } : undefined;
    const message = problem.message.split('\n')[0] ?? problem.message;
    if (message.includes('call stack')) fail(file, SOURCE_CODES.tooDeep, TOO_DEEP_MESSAGE, pos);
    const hint = problem.code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping' : undefined;
    fail(file, SOURCE_CODES.syntax, `invalid ${isJson ? 'JSON' : 'YAML'}: ${message}`, pos, hint);
  }
  return { doc, lineCounter };
}

/** The first mapping key that repeats an earlier key of the same mapping, as a YAML-style error; one linear pass. */
function firstDuplicateKey(
  doc: Document,
): { message: string; pos?: [number, number]; code: string } | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  const pending: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) {
      const keys = new Set<string>();
      const values: unknown[] = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? `s:${String(pair.key.value)}` : undefined;
        if (key !== undefined) {
          if (keys.has(key)) {
            const range = (pair.key as Node).range;
            return {
              message: 'Map keys must be unique',
              pos: range ? [range[0], range[1]] : undefined,
              code: 'DUPLICATE_KEY',
            };
          }
          keys.add(key);
        }
        values.push(pair.value);
      }
      // Reversed, so mappings are visited in document order and the first duplicate reported is the first written.
      for (let i = values.length - 1; i >= 0; i--) pending.push(values[i]);
    } else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]);
  }
  return undefined;
}

function toData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return fail(
      file,
      SOURCE_CODES.syntax,
      `the document expands too many aliases (${(error as Error).message}); aliases are limited to ${MAX_ALIAS_COUNT}`,
    );
  }
}

/**
 * JSON text: JSON.parse for the value. A repeated key (repeatsKey), which JSON.parse silently resolves, sends the
 * text through the YAML parser, which reports it with its position.
 */
function parseJson(text: string, file: string, scan: JsonScan): { value: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    failJsonSyntax(text, file, error as Error);
  }
  if (repeatsKey(scan, value)) parseYamlAst(text, file, true);
  return { value };
}

/**
 * JSON.parse gives JSON-specific wording ("Unexpected token '}'"); Node 20 omits the position, so take the position
 * from the YAML parser (JSON is YAML 1.2) and the wording from JSON.parse.
 */
function failJsonSyntax(text: string, file: string, error: Error): never {
  const raw = error.message;
  const message = raw.replace(/, (\.\.\.)?".*$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const lineCounter = new (yaml().LineCounter)();
  const reported = /at position (\d+)/.exec(raw)?.[1];
  const offset =
    reported !== undefined ? Number(reported) : yaml().parseDocument(text, { lineCounter }).errors[0]?.pos[0];
  if (reported !== undefined) yaml().parseDocument(text, { lineCounter });
  const lp = offset === undefined ? undefined : lineCounter.linePos(offset);
  fail(
    file,
    SOURCE_CODES.syntax,
    `invalid JSON: ${message}`,
    lp ? { line: lp.line, column: lp.col } : undefined,
  );
}

function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const segment of segments) {
    const s = String(segment);
    // Most segments need no escaping; two replacements on each were a cost in specs of thousands of strings.
    pointer += '/' + (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);
  }
  return pointer;
}

/** Walks the YAML AST; when a segment is missing, falls back to the deepest node that exists. */
function locateInDocument(
  doc: Document,
  lc: LineCounter,
  pointer: string,
  atKey: boolean,
): Position | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: Node | null | undefined = node;
  const segments = pointerSegments(pointer);
  for (const [index, seg] of segments.entries()) {
    while (isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (isMap(node)) {
      const pair: { key: unknown; value: unknown } | undefined = node.items.find(
        (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg,
      );
      if (!pair) break;
      const last = index === segments.length - 1;
      node = ((last && atKey ? null : (pair.value as Node | null)) ?? (pair.key as Node)) as Node;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)] as Node | undefined;
      if (!node) break;
    } else break;
    best = node;
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}
