import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactTrace } from '../../src/run/format.js';
import { writeTraceFile } from '../../src/run/trace-file.js';
import type { TraceEvent } from '../../src/simulate/types.js';

describe('writeTraceFile (issue 18 #7)', () => {
  const events: TraceEvent[] = [
    { type: 'flow-start', flow: 'f', depth: 0, inputs: { a: 1 } },
    {
      type: 'card',
      flow: 'f',
      card: 'c',
      uuid: 'u',
      address: 'a',
      inputs: { password: 'p' },
      outputs: {},
      ms: 1,
      depth: 0,
    },
    { type: 'flow-end', flow: 'f', depth: 0, ok: true, outputs: { b: 'two' } },
  ];

  it('streams the same document the whole-string writer made, event by event', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'oc-trace-')), 'trace.json');
    await writeTraceFile(file, { target: 't', flow: 'f', ok: true }, events, (s) =>
      s.replaceAll('two', '<x>'),
    );
    const text = await readFile(file, 'utf8');
    const expected = { target: 't', flow: 'f', ok: true, events: redactTrace(events) };
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(expected).replaceAll('two', '<x>')));
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  it('writes a valid document with no events', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'oc-trace-')), 'trace.json');
    await writeTraceFile(file, { target: 't', flow: 'f', ok: false }, [], (s) => s);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      target: 't',
      flow: 'f',
      ok: false,
      events: [],
    });
  });
});
