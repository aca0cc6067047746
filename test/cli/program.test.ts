import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli/program.js';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import { noPaint } from '../../src/diagnostics/format.js';

function io(): Io & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    cwd: process.cwd(),
    env: {},
    stdout: { write: (s: string) => void (captured.out += s) },
    stderr: { write: (s: string) => void (captured.err += s) },
    readStdin: async () => '',
    interactive: false,
    paint: noPaint,
  };
  return captured;
}

describe('the command tree', () => {
  it('names each command as COMMANDS does, in its order', () => {
    const program = buildProgram({ io: io(), exit: () => undefined });
    expect(program.commands.map((c) => c.name())).toEqual(Object.keys(COMMANDS));
  });

  it('declares only the command a command line starts with, and every command otherwise', () => {
    const ctx = { io: io(), exit: () => undefined };
    expect(buildProgram(ctx, ['build', 'x.yaml']).commands.map((c) => c.name())).toEqual(['build']);
    expect(buildProgram(ctx, ['--debug', 'build']).commands).toHaveLength(Object.keys(COMMANDS).length);
    expect(buildProgram(ctx, ['help', 'build']).commands).toHaveLength(Object.keys(COMMANDS).length);
    expect(buildProgram(ctx, ['nonsense']).commands).toHaveLength(Object.keys(COMMANDS).length);
  });

  it("prints a command's help the same either way", async () => {
    const alone = io();
    expect(await run(['build', '--help'], alone)).toBe(0);
    const [withAll] = [io()];
    const program = buildProgram({ io: withAll, exit: () => undefined });
    await expect(program.parseAsync(['build', '--help'], { from: 'user' })).rejects.toThrow();
    expect(alone.out).toContain('Usage: okta-connector build');
    expect(alone.out).toBe(withAll.out);
  });
});
