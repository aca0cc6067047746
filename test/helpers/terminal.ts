import { PassThrough } from 'node:stream';

/** Streams standing in for a terminal: keystrokes go in, the rendered prompt comes out. */
export function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { input, output, shown: () => shown, type: (s: string) => input.write(s) };
}

/** Lets a prompt render and react to the last keystrokes. */
export const tick = () => new Promise((r) => setTimeout(r, 30));
