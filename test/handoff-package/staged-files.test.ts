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
import { StagedFiles } from '../../src/handoff-package/staged-files.js';

const root = mkdtempSync(join(tmpdir(), 'oc-staged-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('StagedFiles (package files written while the build goes on)', () => {
  it('writes each file into one hidden folder of the package folder', async () => {
    const staged = StagedFiles.in(join(root, 'written', 'acme'));
    const first = staged.stage(Buffer.from('# Send Message\n'));
    const second = staged.stage(Buffer.from('second'));
    await staged.settled();
    expect(readFileSync(first, 'utf8')).toBe('# Send Message\n');
    expect(readFileSync(second, 'utf8')).toBe('second');
    expect(dirname(first)).toBe(dirname(second));
    expect(readdirSync(join(root, 'written', 'acme'))).toEqual([`.staged.${process.pid}.partial`]);
    await staged.discard();
  });

  it('writes a file piece by piece, in order, and is settled once it is ended and written', async () => {
    const staged = StagedFiles.in(join(root, 'streamed'));
    const sheet = staged.open();
    const pieces = Array.from({ length: 50 }, (_, i) => Buffer.from(`## Flow ${i}\n`.repeat(i + 1)));
    for (const piece of pieces) sheet.write(piece);
    sheet.end();
    await staged.settled();
    expect(readFileSync(sheet.file)).toEqual(Buffer.concat(pieces));
    await staged.discard();
  });

  it('when discarded, leaves nothing: not the files, not the folders it made, not a file still being written', async () => {
    const staged = StagedFiles.in(join(root, 'new', 'deeper', 'acme'));
    staged.stage(Buffer.from('a page'));
    staged.open().write(Buffer.from('a build sheet that never ends'));
    await staged.discard();
    expect(existsSync(join(root, 'new'))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it('leaves a package folder that was there, with what it holds', async () => {
    mkdirSync(join(root, 'kept'));
    writeFileSync(join(root, 'kept', 'mine.txt'), 'keep me');
    const staged = StagedFiles.in(join(root, 'kept'));
    staged.stage(Buffer.from('a page'));
    await staged.discard();
    expect(readdirSync(join(root, 'kept'))).toEqual(['mine.txt']);
  });

  it("reports a write that failed when asked whether all are written, with the file system's error", async () => {
    const staged = StagedFiles.in(join(root, 'failing'));
    // The folder gone under it: the write fails with ENOENT.
    rmSync(join(root, 'failing'), { recursive: true });
    staged.stage(Buffer.from('lost'));
    await expect(staged.settled()).rejects.toMatchObject({ code: 'ENOENT' });
    await staged.discard();
    expect(existsSync(join(root, 'failing'))).toBe(false);
  });
});
