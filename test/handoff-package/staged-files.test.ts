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
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { StagedFiles } from '../../src/handoff-package/staged-files.js';
import { ZLIB_LEVEL } from '../../src/handoff-package/zip.js';

const root = mkdtempSync(join(tmpdir(), 'oc-staged-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Views into one larger buffer, as the template slabs give them. */
function slabViews(texts: string[]): Buffer[] {
  const slab = Buffer.from(texts.join(''));
  let at = 0;
  return texts.map((text) => slab.subarray(at, (at += Buffer.byteLength(text))));
}

describe('StagedFiles (package files written and deflated while the build goes on)', () => {
  it('writes whole files and files piece by piece into one hidden folder, each with its zip data', async () => {
    const staged = StagedFiles.in(join(root, 'written', 'acme'), { deflate: true });
    const [page, ...pieces] = slabViews([
      '# Send Message\n',
      ...Array.from({ length: 50 }, (_, i) => `## Flow ${i}\n`.repeat(i + 1)),
    ]);
    const first = staged.stage(page!);
    const sheet = staged.open();
    for (const piece of pieces) sheet.write(piece);
    sheet.end();
    const second = staged.stage(Buffer.from('second'));
    await staged.settled();
    expect(readFileSync(first.file, 'utf8')).toBe('# Send Message\n');
    expect(readFileSync(sheet.file)).toEqual(Buffer.concat(pieces));
    expect(readFileSync(second.file, 'utf8')).toBe('second');
    expect(await first.deflated).toEqual(deflateRawSync(page!, { level: ZLIB_LEVEL }));
    expect(await sheet.deflated).toEqual(deflateRawSync(Buffer.concat(pieces), { level: ZLIB_LEVEL }));
    expect(new Set([first, sheet, second].map((f) => dirname(f.file))).size).toBe(1);
    expect(readdirSync(join(root, 'written', 'acme'))).toEqual([`.staged.${process.pid}.partial`]);
    // The content stays usable where it was: only a copy went to the worker.
    expect(page!.toString()).toBe('# Send Message\n');
    await staged.discard();
  });

  it('without deflate, only writes', async () => {
    const staged = StagedFiles.in(join(root, 'plain'), { deflate: false });
    const file = staged.stage(Buffer.from('a page'));
    await staged.settled();
    expect(file.deflated).toBeUndefined();
    expect(readFileSync(file.file, 'utf8')).toBe('a page');
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
