import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { main } from './main.js';

/**
 * The CLI as one CommonJS file (scripts/bundle-cli.mjs) compiled with a V8 code cache made when the package is
 * built (scripts/code-cache.mjs). Node 20 has no compile cache for ES modules: compiling the CLI's code on every
 * run took ~50 ms of a ~320 ms `build` of Twilio. A cache made by another Node (V8 rejects it) or for another
 * bundle (its first bytes are the bundle's SHA-256: V8 itself only compares lengths) is not used, and the bundle
 * is compiled as usual.
 */
export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url));
export const CACHE_FILE = fileURLToPath(new URL('../bundle/cli.cache', import.meta.url));

/** What the bundle exports (src/cli/main.ts). */
export interface CliBundle {
  main: typeof main;
}

/** Whether the code cache was used; `stale`: made for another bundle; `rejected`: by V8 (another Node, say). */
export type CacheUse = 'used' | 'missing' | 'stale' | 'rejected';

export interface LoadedBundle {
  exports: CliBundle;
  cache: CacheUse;
  /** The cache of the code compiled so far (the build step calls it once the warm-up commands have run). */
  createCache(): Buffer;
}

const HASH_BYTES = 32;

export function loadCliBundle(bundleFile = BUNDLE_FILE, cacheFile = CACHE_FILE): LoadedBundle {
  const bytes = readFileSync(bundleFile);
  const hash = createHash('sha256').update(bytes).digest();
  // ASCII (scripts/bundle-cli.mjs): Latin-1 decodes it as a plain copy.
  const source = bytes.toString('latin1');
  const cached = readCache(cacheFile);
  const fresh = cached !== undefined && cached.subarray(0, HASH_BYTES).equals(hash);
  const script = new vm.Script(wrap(source), {
    filename: bundleFile,
    ...(fresh ? { cachedData: cached.subarray(HASH_BYTES) } : {}),
    // Dependencies' `import('fs')` (the OpenAPI $ref resolver) load through Node's own loader.
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  const cache: CacheUse =
    cached === undefined ? 'missing' : !fresh ? 'stale' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as CliBundle };
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  init(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile));
  return {
    exports: module.exports,
    cache,
    createCache: () => Buffer.concat([hash, script.createCachedData()]),
  };
}

/** Writes the code cache of `loaded` beside its bundle. */
export function writeCliCache(loaded: LoadedBundle, cacheFile = CACHE_FILE): void {
  writeFileSync(cacheFile, loaded.createCache());
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

// As Node wraps a CommonJS module.
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}
