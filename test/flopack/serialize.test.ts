import { describe, expect, it } from 'vitest';
import {
  serializeFlopack,
  serializeFlopackBlocks,
  serializeFlopackBuffer,
  serializeFlopackChunks,
  FlopackWriter,
  compactJson,
} from '../../src/flopack/serialize.js';
import type { Flopack } from '../../src/flopack/types.js';

const doc = (name: string): Flopack => ({
  type: 'flopack',
  version: '1.5.0',
  created: '2024-01-01T00:00:00.000Z',
  flags: { 'auto-transform': true },
  data: {
    flos: {
      a: {
        id: 'a',
        name,
        description: 'line\nbreak "q" \\ {{{x}}}',
        data: { nested: [1, { deep: name }] } as never,
      },
      b: { id: 'b', name: 'second', description: '', data: {} as never },
    },
    configs: {},
    tables: {},
    groups: { g: { id: 'g', data: { name: 'G', description: '', media_uri: '', path: '' } } },
  },
});

describe('serializeFlopack', () => {
  it('writes compact JSON, as Okta exports are, with a trailing newline, that parses back to the same document', () => {
    const d = doc('Plain');
    const text = serializeFlopack(d);
    expect(text.startsWith('{"type":"flopack","version":"1.5.0",')).toBe(true);
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(JSON.parse(text)).toEqual(d);
  });

  it('indents on request', () => {
    expect(serializeFlopack(doc('Plain'), { indent: 2 }).split('\n')[1]).toBe('  "type": "flopack",');
  });

  it('escapes <, >, & and U+2028/9 so </script> never appears, keeping the text', () => {
    const nasty = '</script><b>&\u2028\u2029 ünï 🚀';
    const text = serializeFlopack(doc(nasty));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect((JSON.parse(text) as Flopack).data.flos.a!.name).toBe(nasty);
  });

  it('escapes exactly as one regular expression over the JSON would, on random text', () => {
    const reference = (value: unknown) =>
      JSON.stringify(value).replace(
        /[<>&\u2028\u2029]/g,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    const alphabet = ['<', '>', '&', '\u2028', '\u2029', 'a', '"', '\\', '\n', 'ü', '🚀', '\\u003c', ' '];
    let seed = 17;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      const value = { [text]: [text, { text }] };
      expect(compactJson(value)).toBe(reference(value));
    }
  });

  it('gives the same bytes in chunks as in one string, indented or compact', () => {
    for (const indent of [2, 0]) {
      const d = doc('</script> chunked');
      expect([...serializeFlopackChunks(d, { indent })].join('')).toBe(serializeFlopack(d, { indent }));
    }
  });

  it('gives the same bytes as one UTF-8 buffer, and reuses the bytes of flo objects another file already wrote', () => {
    const d = doc('</script> ünï 🚀');
    expect(serializeFlopackBuffer(d).toString('utf8')).toBe(serializeFlopack(d));
    const floBytes = new Map<object, Buffer>();
    const first = serializeFlopackBuffer(d, floBytes);
    const a = d.data.flos.a!;
    expect(floBytes.get(a)?.toString('utf8')).toBe(serializeFlopack({ a } as never).slice(5, -2));
    // A second file holding the same flo object: its bytes are copied from the first file's buffer.
    expect(floBytes.get(a)!.buffer).toBe(first.buffer);
    const folder: Flopack = { ...d, data: { ...d.data, flos: { ...d.data.flos, c: { ...a, id: 'c' } } } };
    expect(serializeFlopackBuffer(folder, floBytes).toString('utf8')).toBe(serializeFlopack(folder));
    // What the map holds is what is written: a changed entry shows the copy is taken from it.
    floBytes.set(a, Buffer.from('{"id":"a"}'));
    expect(serializeFlopackBuffer(folder, floBytes).toString('utf8')).toContain('"a":{"id":"a"},"b"');
  });

  it('writes the pieces into blocks of the given size (a piece larger than a block gets its own), in order', () => {
    const d = doc('</script> blocks ünï 🚀');
    const shared: Buffer[] = [];
    const blocks = serializeFlopackBlocks(d, {
      blockSize: 64,
      allocate: (size) => {
        const block = Buffer.from(new SharedArrayBuffer(size));
        shared.push(block);
        return block;
      },
    });
    expect(blocks.length).toBeGreaterThan(2);
    expect(Buffer.concat(blocks).toString('utf8')).toBe(serializeFlopack(d));
    expect(blocks.every((b) => b.buffer instanceof SharedArrayBuffer)).toBe(true);
    expect(shared.every((b) => b.length >= 64)).toBe(true);
  });

  it("writes flos one at a time (FlopackWriter) as the whole flopack, each one's bytes recorded once it is written", () => {
    for (const d of [
      doc('</script> pulled ünï'),
      { ...doc('none'), data: { ...doc('none').data, flos: {} } },
    ]) {
      const envelope: Flopack = { ...d, data: { ...d.data, flos: {} } };
      const events: string[] = [];
      let blocks: Buffer[] = [];
      const floBytes = new Map<object, Buffer>();
      function* flos(): Generator<readonly [string, Flopack['data']['flos'][string]]> {
        for (const [id, flo] of Object.entries(d.data.flos)) {
          events.push(`make ${id}`);
          yield [id, flo];
          // By the time the serializer asks for the next flo, this one's bytes are recorded.
          events.push(
            `written ${id}: ${JSON.stringify(JSON.parse(floBytes.get(flo)?.toString('utf8') ?? 'null')) === JSON.stringify(flo)}`,
          );
        }
      }
      const writer = new FlopackWriter(envelope, { floBytes, blockSize: 64 });
      for (const [id, flo] of flos()) writer.flo(id, flo);
      blocks = writer.end();
      expect(Buffer.concat(blocks).toString('utf8')).toBe(serializeFlopack(d));
      expect(events).toEqual(Object.keys(d.data.flos).flatMap((id) => [`make ${id}`, `written ${id}: true`]));
    }
  });

  it('escapes in the encoded bytes exactly as the text is escaped, in any block size, on random flows', () => {
    const alphabet = ['<', '>', '&', '\u2028', '\u2029', '\u2019', '…', 'a', '"', '\\', '\n', 'ü', '🚀', ' '];
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const text = () => Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
    for (let n = 0; n < 300; n++) {
      const flos = Object.fromEntries(
        Array.from({ length: 1 + (next() % 4) }, (_, i) => {
          const id = `f${i}`;
          return [
            id,
            { id, name: text(), description: text(), data: { [text()]: [text(), { x: text() }] } as never },
          ];
        }),
      );
      const d: Flopack = { ...doc('x'), data: { ...doc('x').data, flos } };
      const envelope: Flopack = { ...d, data: { ...d.data, flos: {} } };
      // Blocks from too small for one flow to roomy: an escape that does not fit moves the flow to the next block.
      const writer = new FlopackWriter(envelope, { blockSize: [16, 64, 100, 4096][n % 4]! });
      for (const [id, flo] of Object.entries(flos)) {
        const bytes = writer.flo(id, flo);
        expect(bytes.toString('utf8')).toBe(compactJson(flo));
      }
      expect(Buffer.concat(writer.end()).toString('utf8')).toBe(serializeFlopack(d));
    }
  });

  it('writes flos given as their bytes (serialized on another thread) into the same text as the objects', () => {
    for (const d of [doc('</script> mixed ünï'), doc('plain')]) {
      const envelope: Flopack = { ...d, data: { ...d.data, flos: {} } };
      const entries = Object.entries(d.data.flos);
      // Every way of splitting the flos between objects written here and bytes made elsewhere.
      for (let mask = 0; mask < 1 << entries.length; mask++) {
        const writer = new FlopackWriter(envelope, { blockSize: 32 });
        entries.forEach(([id, flo], i) => {
          if (mask & (1 << i)) writer.floFromBytes(id, Buffer.from(compactJson(flo), 'utf8'));
          else writer.flo(id, flo);
        });
        expect(Buffer.concat(writer.end()).toString('utf8'), `mask ${mask}`).toBe(serializeFlopack(d));
      }
    }
  });
});
