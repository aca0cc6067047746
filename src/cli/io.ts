import { noPaint, type Paint } from '../diagnostics/format.js';
import { terminalSafe } from '../util/terminal-safe.js';

/** Everything a command may touch of the outside world, so tests can run commands in-process. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Reads all of standard input (for `@-` arguments). */
  readStdin(): Promise<string>;
  /** Whether prompts may be shown: stdin is a TTY and CI is not set. */
  interactive: boolean;
  /** Colour for human output; honours NO_COLOR / FORCE_COLOR. */
  paint: Paint;
}

/** Colour decision per https://no-color.org and chalk's FORCE_COLOR convention. */
export function colourEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  return force !== undefined && force !== '' ? force !== '0' && force !== 'false' : !env.NO_COLOR && isTTY;
}

/** chalk is loaded only when colour is on, so piped and CI runs do not pay for it at start-up. */
export async function makePaint(env: NodeJS.ProcessEnv, isTTY: boolean): Promise<Paint> {
  if (!colourEnabled(env, isTTY)) return noPaint;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold, green: c.green };
}

export async function processIo(): Promise<Io> {
  return {
    cwd: process.cwd(),
    env: process.env,
    // Human output carries names and values from input files; their control characters are shown, not obeyed.
    stdout: terminalSafe(process.stdout),
    stderr: terminalSafe(process.stderr),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    interactive: Boolean(process.stdin.isTTY) && !process.env.CI,
    paint: await makePaint(process.env, Boolean(process.stderr.isTTY)),
  };
}
