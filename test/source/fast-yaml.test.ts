import { deepStrictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify, type ToStringOptions } from 'yaml';
import { seededRandom, type Random } from '../../src/mock/openapi/random.js';
import { MAX_NESTING_DEPTH, parseSource, yamlLibraryData } from '../../src/source/document.js';
import { fastYamlData } from '../../src/source/fast-yaml.js';
import { DiagnosticsError } from '../../src/errors.js';
import { nestingDepth } from '../../src/util/json-walk.js';

const LIMITS = { maxDepth: MAX_NESTING_DEPTH, maxAliases: 1000 };
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

type Outcome = { kind: 'fast'; value: unknown } | { kind: 'fallback' };

/**
 * The fast path against the `yaml` library on the same text, as src/source/document.ts runs them (the BOM dropped
 * before js-yaml; the yaml path drops it itself). Where `yaml` fails, the fast path must have declined; where it
 * succeeds, the fast path either declined or gave deep-equal data (-0 is not 0, NaN is NaN).
 */
function compare(text: string, name: string): Outcome {
  const fast = fastYamlData(text.replace(/^\uFEFF/, ''), LIMITS);
  let reference: { value: unknown } | { error: unknown };
  try {
    reference = { value: yamlLibraryData(text, name) };
  } catch (error) {
    reference = { error };
  }
  if ('error' in reference) {
    if (fast)
      throw new Error(
        `${name}: yaml rejects it (${(reference.error as Error).message} ${JSON.stringify((reference.error as { diagnostics?: unknown }).diagnostics)}), the fast path gave ${JSON.stringify(fast.value)}\n--- text:\n${JSON.stringify(text)}`,
      );
    return { kind: 'fallback' };
  }
  if (!fast) return { kind: 'fallback' };
  try {
    deepStrictEqual(fast.value, reference.value);
  } catch (error) {
    throw new Error(`${name}: the paths differ\n${String(error).slice(0, 2000)}\n--- text:\n${text}`);
  }
  // The nesting the events tell, which spares parseSource its walk, is the value's (given only without aliases).
  if (fast.nesting !== undefined && fast.nesting !== nestingDepth(fast.value))
    throw new Error(`${name}: nesting ${fast.nesting}, the value nests ${nestingDepth(fast.value)}\n${text}`);
  return { kind: 'fast', value: fast.value };
}

function yamlFilesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yamlFilesUnder(path, out);
    else if (/\.ya?ml$/i.test(entry.name)) out.push(path);
  }
  return out;
}

describe('fast YAML data path', () => {
  it('gives the same data as the yaml library for every YAML file in the repository', () => {
    const files = yamlFilesUnder(repoRoot);
    expect(files.length).toBeGreaterThan(50);
    const fallbacks: string[] = [];
    for (const file of files) {
      const name = relative(repoRoot, file);
      if (compare(readFileSync(file, 'utf8'), name).kind === 'fallback') fallbacks.push(name);
    }
    // The point of the path: every connector spec and scenario takes it (anchors and aliases included).
    expect(fallbacks.filter((f) => f.startsWith('connectors/'))).toEqual([]);
    expect(fallbacks.length).toBeLessThan(files.length / 10);
  });

  it('resolves plain scalars and keys by the yaml library core-schema rules', () => {
    const tokens = [
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      '',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'yes',
      'no',
      'on',
      '0',
      '-0',
      '+0',
      '00',
      '012',
      '+12',
      '-12',
      '1_000',
      '0o17',
      '+0o7',
      '0o',
      '0x1F',
      '0xff',
      '-0x1F',
      '0x',
      '0b101',
      '1.',
      '.5',
      '-.5',
      '1.0',
      '-0.0',
      '1e3',
      '1E3',
      '-1e-3',
      '+.5e+3',
      '1e400',
      '-1e400',
      '6.02e+23',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      '.NAN',
      '+.nan',
      '9007199254740993',
      '2001-12-14',
      '12:30:00',
      '0.1e',
      'e3',
      '.',
      '-',
      '+',
      'café',
      '日本語',
      'a b',
      'a#b',
      '1 2',
    ];
    for (const token of tokens) {
      for (const text of [`value: ${token}\n`, `${token || '""'}: value\n`, `- ${token}\n`, `[${token}]\n`]) {
        compare(text, JSON.stringify(text));
      }
    }
    expect(compare('a: -0\nb: 0x1F\nc: 1e400\n', 'numbers')).toEqual({
      kind: 'fast',
      value: { a: -0, b: 31, c: Infinity },
    });
    expect(compare('~: 1\n', 'null key')).toEqual({ kind: 'fast', value: { '': 1 } });
  });

  it('declines what it does not mirror, and yaml then decides', () => {
    const declined = [
      'a: !!str 1\n', // tags
      '%YAML 1.2\n---\na: 1\n', // directives
      'a: 1\n---\nb: 2\n', // several documents
      'a: &x {b: 1}\nc:\n  <<: *x\n', // merge keys
      'a: &x [*y]\n', // an alias inside an anchor
      '[1, 2]: x\n', // a collection as a key
      'a: 1\na: 2\n', // duplicate keys
      '1: a\n"1": b\n', // keys equal as strings
      'null: a\n"null": b\n', // equal in document.ts's duplicate check, though the data keys differ
      '# only a comment\n', // no document
      'a: "unterminated\n', // syntax errors
      'a: b: c\n',
      'just text\n', // a root that is not a collection
      '|\n  block\n',
      // Spellings the random documents below found js-yaml reading differently (or accepting where yaml refuses):
      'a: 1\rb: 2\n', // a lone CR
      '- \uFEFFx\n', // a byte-order mark past the start
      '-\t x\n', // a tab in indentation
      'a:\n\t- x\n',
      'a: &n0 b: c\n', // a compact mapping after an anchor
      'k:\n  s:\n  - "x"  "y": z\n', // a key after a sequence entry, on its line
      'a: &x|[1]\n', // an anchor run into the next token
      'a:\n: - 1\n', // an explicit value indicator
      '? a\n: 1\n', // an explicit key
      'a: "x\\\n\n  y"\n', // an escaped line break before a blank line
    ];
    for (const text of declined) {
      expect(fastYamlData(text, LIMITS), text).toBeUndefined();
      compare(text, JSON.stringify(text));
    }
    const aliases = Array.from({ length: 1001 }, (_, i) => `k${i}: *x`).join('\n');
    expect(fastYamlData(`a: &x 1\n${aliases}\n`, LIMITS)).toBeUndefined();
  });

  it('shares an aliased value as the yaml library does', () => {
    const text = 'a: &x {b: [1]}\nc: *x\n';
    const fast = fastYamlData(text, LIMITS)!.value as { a: unknown; c: unknown };
    const reference = yamlLibraryData(text, 't.yaml') as { a: unknown; c: unknown };
    expect(reference.a).toBe(reference.c);
    expect(fast.a).toBe(fast.c);
  });

  it('keeps "__proto__" an own key, not the prototype', () => {
    const outcome = compare('__proto__: {polluted: 1}\n', 'proto');
    expect(outcome.kind).toBe('fast');
    const value = (outcome as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('parseSource takes the fast path on plain YAML and still locates values', () => {
    const doc = parseSource('\uFEFFa:\r\n  b: [1, 0x1F]\r\n', 'crlf.yaml');
    expect(doc.data).toEqual({ a: { b: [1, 31] } });
    expect(doc.locate('/a/b/1')).toEqual({ line: 2, column: 10 });
  });

  it('tells how deeply a document without aliases nests, so parseSource refuses what it refused before', () => {
    const block = (levels: number) =>
      Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}${i % 2 ? '-' : 'k:'}\n`).join('') +
      '  '.repeat(levels) +
      'x\n';
    // After `x: `, as text opening with a bracket is read as JSON.
    const flow = (levels: number) => `x: ${'['.repeat(levels)}1${']'.repeat(levels)}\n`;
    // In a flow sequence, `a: b` is a mapping of its own: two collections per bracket.
    const pairs = (levels: number) => `x: ${'[a: '.repeat(levels)}1${']'.repeat(levels)}\n`;
    let known = 0;
    for (const [write, counts] of [
      [block, [MAX_NESTING_DEPTH - 1, MAX_NESTING_DEPTH, MAX_NESTING_DEPTH + 1]],
      [flow, [MAX_NESTING_DEPTH - 2, MAX_NESTING_DEPTH - 1, MAX_NESTING_DEPTH]],
      [pairs, [40, 63, 64, 65, 66, 100]],
    ] as const) {
      for (const levels of counts) {
        const text = write(levels);
        const fast = fastYamlData(text, LIMITS);
        if (fast?.nesting !== undefined) {
          known++;
          expect(fast.nesting).toBe(nestingDepth(fast.value));
        }
        // The reference: the yaml library's value, walked.
        let reference: unknown;
        try {
          const tooDeep = nestingDepth(yamlLibraryData(text, 'deep.yaml')) > MAX_NESTING_DEPTH;
          reference = tooDeep ? 'OC-SOURCE-TOO-DEEP' : undefined;
        } catch (error) {
          reference = (error as DiagnosticsError).diagnostics[0]!.code;
        }
        let outcome: unknown;
        try {
          parseSource(text, 'deep.yaml');
        } catch (error) {
          outcome = (error as DiagnosticsError).diagnostics[0]!.code;
        }
        expect(outcome, `${write.name} ${levels}`).toBe(reference);
      }
    }
    expect(known).toBeGreaterThan(5);
  });

  it('agrees with the yaml library on random documents in many styles, and on broken ones', () => {
    const random = seededRandom('fast-yaml', 'property');
    let fast = 0;
    let total = 0;
    for (let i = 0; i < 1500; i++) {
      const original = i % 2 === 0 ? stringifiedDocument(random) : handWrittenDocument(random);
      let text = original;
      if (random.next() < 0.15) text = text.replace(/\n/g, '\r\n');
      if (random.next() < 0.1) text = '\uFEFF' + text;
      const mutated = random.next() < 0.3 ? mutate(text, random) : text;
      const outcome = compare(mutated, `document ${i}`);
      if (mutated === original) {
        total++;
        if (outcome.kind === 'fast') fast++;
      }
    }
    // Most untouched documents take the fast path; otherwise this test would prove little.
    expect(fast / total).toBeGreaterThan(0.6);
  });
});

// --- random documents

const TRICKY = [
  'plain',
  'two words',
  'café',
  '日本語 😀',
  'null',
  'Null',
  '~',
  'true',
  'True',
  'FALSE',
  'yes',
  '1',
  '-0',
  '012',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.nan',
  '1e400',
  '1_000',
  '2001-12-14',
  'a: b',
  'a #b',
  '#c',
  '- x',
  '"q"',
  "it's",
  '@at',
  '`tick',
  '%pct',
  '*star',
  '&amp',
  '!bang',
  '[x]',
  '{y}',
  ',',
  '?',
  '',
  ' lead',
  'trail ',
  'line\nbreak',
  'tab\there',
  'back\\slash',
  '\u2028',
  'multi\nline\ntext\n',
  'x'.repeat(90),
];

function randomScalar(random: Random): unknown {
  switch (random.int(0, 6)) {
    case 0:
      return random.pick(TRICKY);
    case 1:
      return random.pick([0, -0, 1, -1, 31, 0.5, -1.25, 1e21, 1e-7, 2 ** 53 + 2, NaN, Infinity, -Infinity]);
    case 2:
      return random.pick([true, false, null]);
    case 3:
      return String.fromCodePoint(...Array.from({ length: random.int(0, 8) }, () => random.int(32, 0x2fff)));
    default:
      return random.pick(TRICKY) + String(random.int(0, 99));
  }
}

function randomValue(random: Random, depth: number): unknown {
  const roll = random.next();
  if (depth > 4 || roll < 0.4) return randomScalar(random);
  const size = random.int(0, 5);
  if (roll < 0.65) return Array.from({ length: size }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) object[String(randomScalar(random))] = randomValue(random, depth + 1);
  return object;
}

/** A random value written by the yaml library in one of its styles. */
function stringifiedDocument(random: Random): string {
  const options: ToStringOptions = {
    defaultStringType: random.pick([
      'PLAIN',
      'QUOTE_DOUBLE',
      'QUOTE_SINGLE',
      'BLOCK_LITERAL',
      'BLOCK_FOLDED',
    ] as const),
    defaultKeyType: random.pick([null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
    collectionStyle: random.pick(['any', 'block', 'flow'] as const),
    lineWidth: random.pick([0, 20, 80]),
    minContentWidth: random.pick([0, 20]),
    indent: random.pick([2, 4]),
    indentSeq: random.next() < 0.5,
  };
  return stringify(randomValue(random, 0), options);
}

const PLAIN_TOKENS = [
  'a',
  'b c',
  'null',
  '~',
  'Null',
  'true',
  'True',
  'False',
  '0',
  '-0',
  '+1',
  '012',
  '1.5',
  '1.',
  '.5',
  '1e3',
  '1E-3',
  '0x1F',
  '0o17',
  '-0x1',
  '.inf',
  '-.inf',
  '.NaN',
  '1e400',
  '123456789012345678901',
  'x:y',
  'a-b',
  '日本',
];

/** Hand-written YAML: plain tokens the stringifier would quote, flow and block mixed, block scalars, anchors. */
function handWrittenDocument(random: Random): string {
  const anchors: string[] = [];
  const scalar = (inFlow: boolean, indent: string): string => {
    const roll = random.int(0, 9);
    if (roll < 5) return random.pick(PLAIN_TOKENS);
    if (roll === 5) return JSON.stringify(String(randomScalar(random)));
    if (roll === 6) return `'${String(random.pick(TRICKY)).replace(/\n/g, ' ').replace(/'/g, "''")}'`;
    if (roll === 7 && anchors.length > 0 && random.next() < 0.5) return `*${random.pick(anchors)}`;
    if (roll >= 8 && !inFlow) {
      const head = random.pick(['|', '>', '|-', '>+', '|2', '>-']);
      const lines = Array.from({ length: random.int(1, 3) }, () => `${indent}  ${random.pick(PLAIN_TOKENS)}`);
      return `${head}\n${lines.join('\n')}`;
    }
    return random.pick(PLAIN_TOKENS);
  };
  const anchor = () => {
    if (random.next() > 0.1) return '';
    const name = `n${anchors.length}`;
    anchors.push(name);
    return `&${name} `;
  };
  const key = () =>
    random.next() < 0.8 ? random.pick(PLAIN_TOKENS) : JSON.stringify(String(randomScalar(random)));
  const flow = (depth: number): string => {
    const roll = random.next();
    if (depth > 2 || roll < 0.5) return scalar(true, '');
    const items = Array.from({ length: random.int(0, 3) }, () =>
      roll < 0.75 ? flow(depth + 1) : `${key()}: ${flow(depth + 1)}`,
    );
    return roll < 0.75 ? `[${items.join(', ')}]` : `{${items.join(', ')}}`;
  };
  const block = (depth: number, indent: string): string => {
    const size = random.int(1, 4);
    const asSeq = random.next() < 0.4;
    const lines: string[] = [];
    for (let i = 0; i < size; i++) {
      const lead = asSeq ? `${indent}- ` : `${indent}${key()}: `;
      const roll = random.next();
      if (depth < 3 && roll < 0.35) {
        lines.push(`${lead.trimEnd()} ${anchor()}`.trimEnd(), block(depth + 1, indent + '  '));
      } else if (roll < 0.5) lines.push(lead + flow(0));
      else lines.push(lead + anchor() + scalar(false, indent));
      if (random.next() < 0.1) lines.push(`${indent}# a comment`);
    }
    return lines.join('\n');
  };
  return block(0, '') + '\n';
}

const EDITS = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '\t',
  ' ',
  '\n',
  '%',
  '@',
  ',',
  '?',
];

function mutate(text: string, random: Random): string {
  let out = text;
  for (let n = random.int(1, 3); n > 0; n--) {
    const at = random.int(0, out.length);
    out =
      random.next() < 0.5
        ? out.slice(0, at) + out.slice(at + 1)
        : out.slice(0, at) + random.pick(EDITS) + out.slice(at);
  }
  return out;
}
