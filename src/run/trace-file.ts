import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { TraceEvent } from '../simulate/types.js';
import { redactTrace } from './format.js';

/**
 * Writes `{ target, flow, ok, events: [...] }` as indented JSON one event at a time, so the file's size is never
 * limited by the longest string Node can build (a whole trace stringified at once failed with "Invalid string
 * length"). Each piece passes `scrub` before it is written.
 */
export async function writeTraceFile(
  file: string,
  head: { target: string; flow: string; ok: boolean },
  events: readonly TraceEvent[],
  scrub: (text: string) => string,
): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const opening = JSON.stringify({ ...head, events: [] }, null, 2).replace(/\[\]\n\}$/, '[');
  await write(scrub(opening));
  for (let i = 0; i < events.length; i++) {
    const [event] = redactTrace([events[i]!]);
    const text = JSON.stringify(event, null, 2).replace(/\n/g, '\n    ');
    await write(scrub(`${i === 0 ? '' : ','}\n    ${text}`));
  }
  await write(events.length === 0 ? ']\n}\n' : '\n  ]\n}\n');
  out.end();
  await once(out, 'finish');
}
