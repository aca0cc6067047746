import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, CACHE_FILE, loadCliBundle } from '../../dist/cli/cli-bundle.js';

/** The CLI bundle and its code cache, as `npm run build` (run by `npm test` first) leaves them in dist/bundle. */
beforeAll(() => {
  expect(existsSync(BUNDLE_FILE) && existsSync(CACHE_FILE), 'dist/bundle is missing: run npm run build').toBe(
    true,
  );
});

const silent = { write: () => true };

/** The bundle copied to a folder of its own, with `cache` (bytes) beside it if given. */
function copied(cache?: Buffer): { bundle: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
  const files = { bundle: join(dir, 'cli.cjs'), cache: join(dir, 'cli.cache') };
  copyFileSync(BUNDLE_FILE, files.bundle);
  if (cache) writeFileSync(files.cache, cache);
  return files;
}

describe('loadCliBundle', () => {
  it('compiles the built bundle with the cache made for it, and the bundle runs a command', async () => {
    const loaded = loadCliBundle();
    expect(loaded.cache).toBe('used');
    const code = await loaded.exports.main(['validate', 'connectors/twilio/connector.yaml'], {
      stdout: silent,
      stderr: silent,
    });
    expect(code).toBe(0);
  });

  it('is ASCII, so that reading it as Latin-1 loses nothing', () => {
    expect(readFileSync(BUNDLE_FILE).every((byte) => byte < 0x80)).toBe(true);
  });

  it('compiles without a cache that is missing, made for another bundle, or that V8 rejects', () => {
    const real = readFileSync(CACHE_FILE);
    const missing = copied();
    expect(loadCliBundle(missing.bundle, missing.cache).cache).toBe('missing');

    const otherBundle = Buffer.from(real);
    otherBundle[0]! ^= 0xff;
    const stale = copied(otherBundle);
    const loadedStale = loadCliBundle(stale.bundle, stale.cache);
    expect(loadedStale.cache).toBe('stale');
    expect(typeof loadedStale.exports.main).toBe('function');

    // The right bundle's hash, then bytes that are no V8 code cache.
    const garbage = Buffer.concat([real.subarray(0, 32), Buffer.alloc(1024, 7)]);
    const rejected = copied(garbage);
    const loadedRejected = loadCliBundle(rejected.bundle, rejected.cache);
    expect(loadedRejected.cache).toBe('rejected');
    expect(typeof loadedRejected.exports.main).toBe('function');
  });

  it('makes a cache that the next load of the same bundle uses', () => {
    const files = copied();
    const first = loadCliBundle(files.bundle, files.cache);
    writeFileSync(files.cache, first.createCache());
    expect(loadCliBundle(files.bundle, files.cache).cache).toBe('used');
  });
});
