import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { sha256 } from '../../src/handoff-package/manifest.js';
import { StagedFiles } from '../../src/handoff-package/staged-files.js';
import { deflateEntry } from '../../src/handoff-package/zip.js';

const root = mkdtempSync(join(tmpdir(), 'oc-staged-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Views into one larger buffer, as the template slabs give them. */
function slabViews(texts: string[]): Buffer[] {
  const slab = Buffer.from(texts.join(''));
  let at = 0;
  return texts.map((text) => slab.subarray(at, (at += Buffer.byteLength(text))));
}

/** Deterministic bytes of every size, so that a piece written over another shows. */
function pieces(count: number, seed: number): Buffer[] {
  return Array.from({ length: count }, (_, i) =>
    Buffer.alloc(((i * 7919 + seed) % 70_000) + 1, (i + seed) % 251),
  );
}

describe('StagedFiles (package files written while the build goes on)', () => {
  it('writes whole files and files piece by piece into one hidden folder', async () => {
    const staged = StagedFiles.in(join(root, 'written', 'acme'), { deflate: false });
    const [page, ...sections] = slabViews([
      '# Send Message\n',
      ...Array.from({ length: 50 }, (_, i) => `## Flow ${i}\n`.repeat(i + 1)),
    ]);
    const first = staged.stage(page!);
    const sheet = staged.open();
    for (const section of sections) sheet.write(section);
    sheet.end();
    const second = staged.stage(Buffer.from('second'));
    const written = await staged.settled();
    expect(readFileSync(first.file, 'utf8')).toBe('# Send Message\n');
    expect(readFileSync(sheet.file)).toEqual(Buffer.concat(sections));
    expect(readFileSync(second.file, 'utf8')).toBe('second');
    expect(new Set([first, sheet, second].map((f) => dirname(f.file))).size).toBe(1);
    // As the package takes them: where each lies, without a zip entry (none asked for).
    expect(written.map((w) => w.content.temporary)).toEqual([first.file, sheet.file, second.file]);
    expect(written.some((w) => w.deflated)).toBe(false);
    expect(readdirSync(join(root, 'written', 'acme'))).toEqual([`.staged.${process.pid}.partial`]);
    // The content stays usable where it was: only a copy went to the worker.
    expect(page!.toString()).toBe('# Send Message\n');
    await staged.discard();
  });

  it('writes every byte of many files, larger and smaller than its shared slabs, as it reuses them', async () => {
    const staged = StagedFiles.in(join(root, 'many'), { deflate: true });
    const pages = pieces(400, 1);
    const sections = [...pieces(300, 2), Buffer.alloc(3 * 1024 * 1024, 7), ...pieces(50, 3)];
    const sheet = staged.open();
    const files = pages.map((page, i) => {
      sheet.write(sections[i % sections.length]!);
      return staged.stage(page);
    });
    for (const section of sections.slice(pages.length % sections.length)) sheet.write(section);
    sheet.end();
    const results = await staged.settled();
    files.forEach((file, i) => expect(readFileSync(file.file).equals(pages[i]!), file.file).toBe(true));
    const written = [
      ...pages.map((_, i) => sections[i % sections.length]!),
      ...sections.slice(pages.length % sections.length),
    ];
    expect(readFileSync(sheet.file).equals(Buffer.concat(written))).toBe(true);
    // Each file's facts and zip entry are those of its bytes in memory (zip.ts, manifest.ts).
    for (const [file, bytes] of [
      ...files.map((f, i) => [f, pages[i]!] as const),
      [sheet, Buffer.concat(written)] as const,
    ]) {
      const { content, deflated } = results[file.id]!;
      expect(content).toEqual({
        temporary: file.file,
        size: bytes.length,
        sha256: sha256(bytes),
        crc32: crc32(bytes),
      });
      expect(deflated!.equals(await deflateEntry(bytes)), file.file).toBe(true);
    }
    await staged.discard();
  });

  it('when discarded, leaves nothing: not the files, not the folders it made, not a file still being written', async () => {
    const staged = StagedFiles.in(join(root, 'new', 'deeper', 'acme'), { deflate: true });
    staged.stage(Buffer.from('a page'));
    staged.open().write(Buffer.from('a build sheet that never ends'));
    await staged.discard();
    expect(existsSync(join(root, 'new'))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it('leaves a package folder that was there, with what it holds', async () => {
    mkdirSync(join(root, 'kept'));
    writeFileSync(join(root, 'kept', 'mine.txt'), 'keep me');
    const staged = StagedFiles.in(join(root, 'kept'), { deflate: false });
    staged.stage(Buffer.from('a page'));
    await staged.discard();
    expect(readdirSync(join(root, 'kept'))).toEqual(['mine.txt']);
  });

  it("reports a write that failed when asked whether all are written, with the file system's error", async () => {
    const staged = StagedFiles.in(join(root, 'failing'), { deflate: true });
    // The folder gone under it: the write fails with ENOENT.
    rmSync(join(root, 'failing'), { recursive: true });
    staged.stage(Buffer.from('lost'));
    await expect(staged.settled()).rejects.toMatchObject({ code: 'ENOENT' });
    await staged.discard();
    expect(existsSync(join(root, 'failing'))).toBe(false);
  });
});
