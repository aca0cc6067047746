import { describe, expect, it } from 'vitest';
import { IdFactory } from '../../../src/flopack/builder/ids.js';
import { PathHash, shortHash } from '../../../src/flopack/builder/path-hash.js';

/** The whole-string hash as it was before the running state: the oracle every split of a path must match. */
function wholeHash(text: string, length: number): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const fmix32 = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  let a = 0x2f693ab1;
  let b = 0x6c8e9cf5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ c, 0x1b873593);
    b = (b << 13) | (b >>> 19);
  }
  a ^= text.length;
  b ^= text.length;
  a = (a + b) | 0;
  b = (b + a) | 0;
  a = fmix32(a);
  b = fmix32(b);
  a = (a + b) | 0;
  b = (b + a) | 0;
  let id = '';
  for (const w of [a, b]) for (let i = 0; i < 5; i++) id += ALPHABET[(w >>> (6 * i)) & 63];
  if (length <= 10) return id.slice(0, length);
  const w = fmix32((a ^ Math.imul(b, 0x9e3779b1)) + 0x632be5ab);
  for (let i = 0; i < length - 10; i++) id += ALPHABET[(w >>> (6 * i)) & 63];
  return id;
}

/** A small seeded generator, so a failure names a path that can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return (seed >>> 0) / 2 ** 32;
  };
}

// Builder-like segments plus non-ASCII and lone/split surrogates: the hash is over UTF-16 code units.
const PIECES = [
  '/',
  'in',
  'out',
  'card',
  'order',
  'group',
  '["a","b"]',
  'x',
  '',
  '~2',
  'caf\u00e9',
  '\u4e2d',
  '\ud83d',
  '\ude00',
];

function randomPath(next: () => number): string {
  let path = '';
  const parts = Math.floor(next() * 12);
  for (let i = 0; i < parts; i++) path += PIECES[Math.floor(next() * PIECES.length)];
  return path;
}

describe('PathHash', () => {
  it('gives the id of the whole path however the path is split into a base and tails (random paths)', () => {
    const next = random(17);
    for (let n = 0; n < 3_000; n++) {
      const path = randomPath(next);
      const length = 1 + Math.floor(next() * 15);
      const expected = wholeHash(path, length);
      expect(shortHash(path, length)).toBe(expected);
      // Up to three cuts: base, then one or two `then` steps, then the tail handed to shortId.
      const cuts = [0, 1, 2].map(() => Math.floor(next() * (path.length + 1))).sort((x, y) => x - y);
      const [i, j, k] = cuts as [number, number, number];
      const base = PathHash.of(path.slice(0, i)).then(path.slice(i, j)).then(path.slice(j, k));
      expect(base.path).toBe(path.slice(0, k));
      expect(base.shortId(path.slice(k), length)).toBe(expected);
    }
  });

  it('keeps the known answers of the ids (changing them changes every golden)', () => {
    expect(PathHash.of('c/f/start/').shortId('in/context/index', 10)).toBe('vkiQswFoRu');
    expect(PathHash.EMPTY.then('x').shortId('/y', 10)).toBe('k5o-fCgWGA');
  });
});

describe('IdFactory.shortAt', () => {
  it('hands out the same ids as short(base.path + tail), collisions and their #n re-hashes included', () => {
    const next = random(5);
    const whole = new IdFactory();
    const split = new IdFactory();
    // 2-char ids over 2,000 paths collide often, so the fallback is exercised many times.
    for (let n = 0; n < 2_000; n++) {
      const path = `${randomPath(next)}/${n % 300}`;
      const cut = Math.floor(next() * (path.length + 1));
      expect(split.shortAt(PathHash.of(path.slice(0, cut)), path.slice(cut), 2)).toBe(whole.short(path, 2));
    }
    expect(() => split.shortAt(PathHash.EMPTY, 'p', 16)).toThrow(RangeError);
  });
});
