import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../src/errors.js';
import {
  loadSourceFile,
  MAX_NESTING_DEPTH,
  MAX_SOURCE_BYTES,
  parseSource,
} from '../../src/source/document.js';
import { validateSpecFile } from '../../src/spec/validate.js';

function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DiagnosticsError);
    return (error as DiagnosticsError).diagnostics[0]!;
  }
  throw new Error('expected a DiagnosticsError');
}

describe('parseSource', () => {
  it('maps JSON pointers to lines and columns, falling back to the deepest existing node', () => {
    const doc = parseSource('a:\n  b:\n    - x\n    - y: 1\n', 'f.yaml');
    expect(doc.locate('/a/b/1/y')).toEqual({ line: 4, column: 10 });
    expect(doc.locate('/a/b/1/missing')).toEqual({ line: 4, column: 7 });
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });

  it('locates inside JSON too', () => {
    const doc = parseSource('{\n  "a": {\n    "b": [1, 2]\n  }\n}', 'f.json');
    expect(doc.locate('/a/b/1')).toEqual({ line: 3, column: 14 });
  });

  it.each([
    ['a: [1, 2\n', 'OC-SOURCE-SYNTAX', 'invalid YAML'],
    ['{"a": 1,}', 'OC-SOURCE-SYNTAX', 'invalid JSON'],
    ['  \n', 'OC-SOURCE-EMPTY', 'empty'],
    ['a: 1\u0000', 'OC-SOURCE-BINARY', 'NUL'],
    ['a: 1\na: 2\n', 'OC-SOURCE-SYNTAX', 'unique'],
  ])('refuses %j with %s', (text, code, words) => {
    const d = failure(() => parseSource(text, 'f.yaml'));
    expect(d.code).toBe(code);
    expect(d.message.toLowerCase()).toContain(words.toLowerCase());
    expect(d.file).toBe('f.yaml');
  });

  it('gives the line and column of a syntax error', () => {
    const d = failure(() => parseSource('a: 1\nb: [1,\n', 'f.yaml'));
    expect(d.line).toBeGreaterThanOrEqual(2);
    expect(d.column).toBeGreaterThanOrEqual(1);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const rows = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ]) {
      rows.push(
        `${name}: &${name} [${Array(9)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const d = failure(() => parseSource(rows.join('\n'), 'bomb.yaml'));
    expect(d.message).toContain('aliases');
  });

  it('refuses invalid UTF-8', () => {
    const d = failure(() => parseSource(new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe]), 'f.yaml'));
    expect(d.code).toBe('OC-SOURCE-BINARY');
  });
});

describe('loadSourceFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oc-src-'));

  it('names a missing file and a directory', async () => {
    await expect(loadSourceFile(join(dir, 'nope.yaml'), 'nope.yaml')).rejects.toMatchObject({
      diagnostics: [
        expect.objectContaining({ file: 'nope.yaml', message: 'cannot read the file: no such file' }),
      ],
    });
    await expect(loadSourceFile(dir, 'dir')).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ message: 'expected a file but found a directory' })],
    });
  });

  it('refuses files over the size limit without reading them', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61));
    await expect(loadSourceFile(big)).rejects.toMatchObject({
      diagnostics: [expect.objectContaining({ code: 'OC-SOURCE-TOO-LARGE' })],
    });
  });
});

describe('JSON sources', () => {
  it('reports a duplicate key that JSON.parse would silently resolve, with its position', () => {
    const d = failure(() => parseSource('{\n  "a": 1,\n  "b": {"c": 1, "c": 2}\n}', 'f.json'));
    expect(d).toMatchObject({ code: 'OC-SOURCE-SYNTAX', line: 3 });
    expect(d.message).toContain('unique');
  });

  it('does not mistake equal keys in different objects or strings for duplicates', async () => {
    const { repeatsKey, scanJson } = await import('../../src/source/document.js');
    const duplicate = (text: string) => repeatsKey(scanJson(text), JSON.parse(text));
    expect(duplicate('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "a\\"a"}')).toBe(false);
    expect(duplicate('{"a": 1, "b": {"x": "y"}, "a": 2}')).toBe(true);
    expect(duplicate('{"a": 1, "\\u0061": 2}')).toBe(true);
  });

  it('locates pointers lazily in JSON', () => {
    const doc = parseSource('{"a": {"b": [1, 2]}}', 'f.json');
    expect(doc.data).toEqual({ a: { b: [1, 2] } });
    expect(doc.locate('/a/b/1')).toEqual({ line: 1, column: 17 });
  });
});

describe('hostile nesting and size (issue 18 #1, #9)', () => {
  const deepJson = (levels: number) => '{"x":'.repeat(levels) + '1' + '}'.repeat(levels);

  it('refuses JSON nested 800 deep with a located message, not a stack overflow', () => {
    const error = catchDiagnostics(() => parseSource(deepJson(800), 'deep.json'));
    expect(error[0]).toMatchObject({ code: 'OC-SOURCE-TOO-DEEP', file: 'deep.json', line: 1 });
    expect(error[0]!.column).toBe(MAX_NESTING_DEPTH * 5 + 1);
  });

  it('refuses YAML nested by indentation or by flow brackets, 100,000 deep', () => {
    let block = '';
    for (let i = 0; i < 300; i++) block += `${' '.repeat(i)}a:\n`;
    expect(
      catchDiagnostics(() => parseSource(block + ' '.repeat(300) + 'b: 1\n', 'deep.yaml'))[0],
    ).toMatchObject({
      code: 'OC-SOURCE-TOO-DEEP',
      line: MAX_NESTING_DEPTH + 1,
    });
    const flow = `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    expect(catchDiagnostics(() => parseSource(flow, 'flow.yaml'))[0]!.code).toBe('OC-SOURCE-TOO-DEEP');
  });

  it('accepts nesting up to the limit', () => {
    expect(() => parseSource(deepJson(MAX_NESTING_DEPTH - 1), 'ok.json')).not.toThrow();
  });

  it('finds a duplicate key among 150,000 in linear time, at the second occurrence', () => {
    let text = 'fields:\n';
    for (let i = 0; i < 150_000; i++) text += `  f${i}: x\n`;
    text += '  f7: again\n';
    const started = performance.now();
    const [found] = catchDiagnostics(() => parseSource(text, 'dup.yaml').locate('/fields/f1'));
    expect(found).toMatchObject({ code: 'OC-SOURCE-SYNTAX', line: 150_002, column: 3 });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('validateSpecFile never throws: a 800-deep spec comes back as a diagnostic', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-deep-'));
    await writeFile(join(dir, 'deep.json'), deepJson(800));
    const result = await validateSpecFile(join(dir, 'deep.json'), 'deep.json');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['OC-SOURCE-TOO-DEEP']);
    await rm(dir, { recursive: true, force: true });
  });
});

function catchDiagnostics(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected a DiagnosticsError');
}
