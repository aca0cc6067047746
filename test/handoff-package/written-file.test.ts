import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWriter } from '../../src/handoff-package/written-file.js';

const root = mkdtempSync(join(tmpdir(), 'oc-written-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('FileWriter (a package file written while it is made)', () => {
  it('writes the blocks to a hidden file beside its place, with the size, SHA-256 and CRC-32 of all of them', () => {
    const blocks = [randomBytes(10), Buffer.alloc(0), randomBytes(70_000), Buffer.from('}\n')];
    const writer = FileWriter.for(join(root, 'facts', 'acme.flopack'));
    for (const block of blocks) writer.write(block);
    const written = writer.close(writer.facts());
    const whole = Buffer.concat(blocks);
    expect(readFileSync(written.temporary)).toEqual(whole);
    expect(written.temporary.startsWith(join(root, 'facts', '.acme.flopack.'))).toBe(true);
    expect(written).toMatchObject({
      size: whole.length,
      sha256: createHash('sha256').update(whole).digest('hex'),
      crc32: crc32(whole),
    });
  });

  it('when discarded, leaves nothing: not the file, not the folders it made', () => {
    const writer = FileWriter.for(join(root, 'new', 'deeper', 'acme.flopack'));
    writer.write(Buffer.from('{}'));
    writer.discard();
    expect(existsSync(join(root, 'new'))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });

  it('leaves folders that were there, or that hold something else, and a file already moved into place', () => {
    mkdirSync(join(root, 'kept'));
    writeFileSync(join(root, 'kept', 'mine.txt'), 'keep me');
    const beside = FileWriter.for(join(root, 'kept', 'acme.flopack'));
    beside.discard();
    expect(readdirSync(join(root, 'kept'))).toEqual(['mine.txt']);

    const moved = FileWriter.for(join(root, 'moved', 'acme.flopack'));
    moved.write(Buffer.from('{"a":1}'));
    renameSync(moved.close(moved.facts()).temporary, join(root, 'moved', 'acme.flopack'));
    moved.discard();
    expect(readFileSync(join(root, 'moved', 'acme.flopack'), 'utf8')).toBe('{"a":1}');
  });
});
