import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { spoolBlocks } from '../../src/handoff-package/block-spool.js';
import { FileWriter } from '../../src/handoff-package/written-file.js';

const root = mkdtempSync(join(tmpdir(), 'oc-block-spool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** JSON-like text that deflates as a flopack does, over the 4 MiB block size. */
const text = Buffer.from(
  JSON.stringify(
    Array.from({ length: 100_000 }, (_, i) => ({ id: `card-${i}`, seed: randomBytes(8).toString('hex') })),
  ),
);

function shared(part: Buffer): Buffer {
  const block = Buffer.from(new SharedArrayBuffer(part.length));
  part.copy(block);
  return block;
}

describe('spoolBlocks (a file deflated and written as its blocks fill)', () => {
  it('deflates to the bytes of one deflate and writes the file with its facts, one block or many', async () => {
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    for (const count of [1, 2, 5]) {
      const file = FileWriter.for(join(root, `${count}`, 'acme.flopack'));
      const spool = spoolBlocks({ deflate: true, file });
      for (let i = 0; i < count; i++)
        spool.add(shared(text.subarray((i * text.length) / count, ((i + 1) * text.length) / count)));
      const { deflated, facts } = await spool.end();
      const written = file.close(facts!);
      expect(deflated!.equals(deflateRawSync(text, { level: 3 })), `${count} block(s)`).toBe(true);
      expect(readFileSync(written.temporary).equals(text), `${count} block(s)`).toBe(true);
      expect(written).toMatchObject({
        size: text.length,
        sha256: createHash('sha256').update(text).digest('hex'),
        crc32: crc32(text),
      });
    }
  });

  it('only deflates without a file, and only writes without the zip', async () => {
    const halves = [text.subarray(0, 1000), text.subarray(1000)].map(shared);
    const deflateOnly = spoolBlocks({ deflate: true });
    for (const b of halves) deflateOnly.add(b);
    expect(await deflateOnly.end()).toEqual({ deflated: deflateRawSync(text, { level: 3 }) });

    const file = FileWriter.for(join(root, 'write-only', 'acme.flopack'));
    const writeOnly = spoolBlocks({ deflate: false, file });
    for (const b of halves) writeOnly.add(b);
    const result = await writeOnly.end();
    expect(result.deflated).toBeUndefined();
    expect(readFileSync(file.close(result.facts!).temporary).equals(text)).toBe(true);
  });

  it('hands back a block only once the worker is done with it, and the file and zip entry stay right', async () => {
    const size = 64 * 1024;
    const parts = Array.from({ length: Math.floor(text.length / size) }, (_, i) =>
      text.subarray(i * size, (i + 1) * size),
    );
    for (const deflate of [true, false]) {
      const file = FileWriter.for(join(root, `recycled-${deflate}`, 'acme.flopack'));
      const spool = spoolBlocks({ deflate, file });
      expect(spool.recycled(size), 'nothing given yet').toBeUndefined();
      const seen = new Set<ArrayBufferLike>();
      let reused = 0;
      for (const part of parts) {
        // As FlopackWriter does: a block is filled, then given; its memory comes back only once written.
        let block = spool.recycled(size);
        if (block) reused++;
        else block = Buffer.from(new SharedArrayBuffer(size));
        expect(block.length).toBe(size);
        part.copy(block);
        seen.add(block.buffer);
        spool.add(block);
        // Let the worker catch up now and then, so that some blocks come back.
        if (parts.indexOf(part) % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Another size is never handed back for this one.
      expect(spool.recycled(size + 1)).toBeUndefined();
      const { deflated, facts } = await spool.end();
      const written = file.close(facts!);
      const expected = Buffer.concat(parts);
      expect(reused, 'some blocks filled again').toBeGreaterThan(0);
      expect(seen.size).toBeLessThan(parts.length);
      expect(readFileSync(written.temporary).equals(expected)).toBe(true);
      expect(written.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
      if (deflate) expect(deflated!.equals(deflateRawSync(expected, { level: 3 }))).toBe(true);
    }
  });

  it('takes shared memory only (the worker reads the blocks where they lie)', () => {
    expect(() => spoolBlocks({ deflate: true }).add(Buffer.from('x'))).toThrow(/shared memory/);
  });
});
