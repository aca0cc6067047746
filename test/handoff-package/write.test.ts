import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { afterBytes, writePackage } from '../../src/handoff-package/write.js';

const root = mkdtempSync(join(tmpdir(), 'oc-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writePackage', () => {
  it('writes text, buffers and many pieces (vectored, over a thousand at a time) byte for byte', async () => {
    const pieces = Array.from({ length: 2500 }, (_, i) => Buffer.from(i % 7 === 0 ? '' : `piece ${i};`));
    await writePackage(root, [
      { path: 'a.txt', content: 'ünïcode\n' },
      { path: 'b.bin', content: Buffer.from([0, 1, 255]) },
      { path: 'sheets/BUILD.md', content: pieces },
    ]);
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('ünïcode\n');
    expect([...readFileSync(join(root, 'b.bin'))]).toEqual([0, 1, 255]);
    expect(readFileSync(join(root, 'sheets/BUILD.md')).equals(Buffer.concat(pieces))).toBe(true);
  });
});

describe('afterBytes (what a short vectored write left)', () => {
  it('is every byte after the first `count`, for every count', () => {
    const pieces = ['ab', '', 'cde', 'f'].map((s) => Buffer.from(s));
    const whole = Buffer.concat(pieces).toString();
    for (let count = 0; count <= whole.length; count++)
      expect(Buffer.concat(afterBytes(pieces, count)).toString(), `after ${count}`).toBe(whole.slice(count));
  });
});
