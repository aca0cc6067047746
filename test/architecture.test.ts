import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/fixtures.js';

/**
 * The layering of src/ (ARCHITECTURE.md), read from the import statements: the CLI is the top, nothing below it
 * imports it, and no two folders import each other, directly or around a circle.
 */
const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import of src/, as [importing file, imported file], both relative to src/ with `/`. */
function imports(): Array<[string, string]> {
  return sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(([, spec]): [string, string] => [
      relative(SRC, file).split(sep).join('/'),
      relative(SRC, resolve(dirname(file), spec!))
        .split(sep)
        .join('/')
        .replace(/\.js$/, '.ts'),
    ]),
  );
}

/** The part of a path that names its unit: a folder's first `depth` segments (a file at that level is its own). */
function unit(path: string, prefix = '', depth = 1): string | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const parts = path.slice(prefix.length).split('/');
  return parts.length > depth ? parts.slice(0, depth).join('/') : parts.join('/');
}

/** Cycles of the graph of `units` (each reported once, as its members in order). */
function cycles(edges: Array<[string, string]>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) if (a !== b) (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
  const found: string[][] = [];
  const seen = new Set<string>();
  const walk = (node: string, path: string[]): void => {
    const at = path.indexOf(node);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) (seen.add(key), found.push(cycle));
      return;
    }
    for (const to of next.get(node) ?? []) walk(to, [...path, node]);
  };
  for (const node of next.keys()) walk(node, []);
  return found;
}

describe('architecture', () => {
  const edges = imports();

  it('keeps the CLI on top: no folder outside src/cli imports it', () => {
    const intoCli = edges.filter(([from, to]) => to.startsWith('cli/') && !from.startsWith('cli/'));
    expect(intoCli).toEqual([]);
  });

  it('has no import cycle between the folders of src/', () => {
    const folders = edges.map(([a, b]): [string, string] => [unit(a)!, unit(b)!]);
    expect(cycles(folders)).toEqual([]);
  });

  it('layers src/flopack: types, read model, semantics, catalogue, builder (each imports only those before it)', () => {
    const layers = ['types.ts', 'operators.ts', 'read', 'semantics', 'cards', 'builder'];
    const rank = (path: string) => layers.indexOf(unit(path, 'flopack/') ?? '');
    const upward = edges.filter(([a, b]) => rank(a) >= 0 && rank(b) >= 0 && rank(b) > rank(a));
    expect(upward).toEqual([]);
  });

  it('finds what it checks (the scan reads the imports of every file)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual(['cli/commands/simulate/index.ts', 'cli/commands/simulate/run-simulate.ts']);
  });
});
