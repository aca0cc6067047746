import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it("replaces the previous build's files (removed first, never written through), and leaves other files alone", async () => {
    const dir = join(root, 'rebuild');
    const previous = ['manifest.json', 'a.txt', 'sheets/BUILD.md', 'x.flopack'];
    mkdirSync(join(dir, 'sheets'), { recursive: true });
    for (const path of previous.slice(1)) writeFileSync(join(dir, path), `old ${path}`);
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ artifacts: previous.map((path) => ({ path })) }),
    );
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    // A hard link elsewhere to a previous file keeps the old content: the build replaces the name, not the file.
    linkSync(join(dir, 'a.txt'), join(root, 'linked-a.txt'));
    const temporary = join(dir, '.x.flopack.partial');
    writeFileSync(temporary, 'new flopack');
    const written = { temporary, size: 11, sha256: '', crc32: 0 };
    await writePackage(dir, [
      { path: 'manifest.json', content: JSON.stringify({ artifacts: [] }) },
      { path: 'a.txt', content: 'new a' },
      { path: 'sheets/BUILD.md', content: [Buffer.from('new '), Buffer.from('sheet')] },
      { path: 'x.flopack', content: written },
    ]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new a');
    expect(readFileSync(join(dir, 'sheets/BUILD.md'), 'utf8')).toBe('new sheet');
    expect(readFileSync(join(dir, 'x.flopack'), 'utf8')).toBe('new flopack');
    expect(existsSync(temporary)).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(root, 'linked-a.txt'), 'utf8')).toBe('old a.txt');
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
