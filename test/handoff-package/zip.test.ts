import { describe, expect, it } from 'vitest';
import { deflateEntry, zipArtifacts } from '../../src/handoff-package/zip.js';
import { byteLength, contentRuns } from '../../src/handoff-package/manifest.js';
import { deflateRawSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractZip, listZip } from './zip-reader.js';

const files = [
  { path: 'b.txt', content: 'bee\n' },
  { path: 'docs/a.md', content: '# ünïcode\n' },
  { path: 'a.bin', content: Buffer.from([0, 1, 2, 255]) },
];

describe('zipArtifacts', () => {
  it('gives the same bytes for the same files whatever their order', async () => {
    const one = await zipArtifacts(files, 'pkg');
    const two = await zipArtifacts([...files].reverse(), 'pkg');
    expect(one.equals(two)).toBe(true);
  });

  it('does not depend on the time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = await zipArtifacts(files, 'pkg');
      process.env.TZ = 'America/Adak';
      const west = await zipArtifacts(files, 'pkg');
      expect(east.equals(west)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('lists every file in path order under the root folder, dated 1980-01-01, mode 644', async () => {
    const entries = listZip(await zipArtifacts(files, 'pkg'));
    expect(entries.map((e) => e.name)).toEqual(['pkg/a.bin', 'pkg/b.txt', 'pkg/docs/a.md']);
    for (const e of entries) {
      expect(e.dosDate).toBe((0 << 9) | (1 << 5) | 1);
      expect(e.dosTime).toBe(0);
      expect(e.mode & 0o777).toBe(0o644);
    }
    expect(entries.map((e) => e.size)).toEqual([4, 4, Buffer.byteLength('# ünïcode\n')]);
  });

  it("holds each file's exact bytes, with matching CRC-32 and sizes", async () => {
    const extracted = extractZip(await zipArtifacts(files, 'pkg'));
    expect([...extracted.keys()]).toEqual(['pkg/a.bin', 'pkg/b.txt', 'pkg/docs/a.md']);
    for (const f of files) expect(extracted.get(`pkg/${f.path}`)!.equals(Buffer.from(f.content))).toBe(true);
  });

  it('is read by Info-ZIP unzip without an error, when unzip is installed', async (ctx) => {
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      ctx.skip('no unzip on this machine; the CRC and size check above still runs');
    }
    const dir = mkdtempSync(join(tmpdir(), 'oc-zip-'));
    try {
      writeFileSync(join(dir, 'p.zip'), await zipArtifacts(files, 'pkg'));
      expect(execFileSync('unzip', ['-t', join(dir, 'p.zip')], { encoding: 'utf8' })).toContain(
        'No errors detected',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content in pieces', () => {
  // 600 KB of varied text, split as a flopack is (a large piece per flo, small keys and brackets between).
  const text = Array.from(
    { length: 6000 },
    (_, i) => `{"card${i}":"${'x'.repeat(i % 97)}${i * 7919}"},`,
  ).join('');
  const whole = Buffer.from(text);
  const pieces: Buffer[] = [];
  for (let at = 0, i = 0; at < whole.length; i++) {
    const size = i % 3 === 0 ? 40_000 : 17;
    pieces.push(whole.subarray(at, at + size));
    at += size;
  }

  it('deflates to the same bytes as the joined buffer (zlib output does not depend on how input is split)', async () => {
    const expected = deflateRawSync(whole, { level: 3 });
    expect((await deflateEntry(pieces)).equals(expected)).toBe(true);
    expect((await deflateEntry(whole)).equals(expected)).toBe(true);
  });

  it('zips to the same bytes as the joined buffer', async () => {
    const joined = await zipArtifacts([{ path: 'big.flopack', content: whole }], 'pkg');
    expect((await zipArtifacts([{ path: 'big.flopack', content: pieces }], 'pkg')).equals(joined)).toBe(true);
  });

  it('streams small pieces in runs and large ones uncopied, in order', () => {
    const runs = [...contentRuns(pieces)];
    expect(Buffer.concat(runs).equals(whole)).toBe(true);
    expect(runs.length).toBeLessThan(pieces.length);
    expect(runs.filter((r) => r.length === 40_000).every((r) => pieces.includes(r))).toBe(true);
  });

  it('deflates content in shared memory on a worker thread to the same bytes', async () => {
    // Over the 4 MiB from which shared blocks go to a worker.
    const big = Buffer.concat(Array.from({ length: 12 }, () => whole));
    const blocks = [0, 1, 2].map((i) => {
      const part = big.subarray((i * big.length) / 3, ((i + 1) * big.length) / 3);
      const block = Buffer.from(new SharedArrayBuffer(part.length));
      part.copy(block);
      return block;
    });
    expect(byteLength(blocks)).toBeGreaterThan(4 * 1024 * 1024);
    expect((await deflateEntry(blocks)).equals(deflateRawSync(big, { level: 3 }))).toBe(true);
  });
});
