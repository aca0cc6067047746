import { CommanderError } from 'commander';
import { DiagnosticsError, UsageError, UserError } from '../errors.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';

/** Runs one command line in-process and returns its exit code; never throws, never calls process.exit. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const ctx = { io, exit: (code: number) => void (exitCode = code) };
  const debug = argv.includes('--debug');
  try {
    const program = buildProgram(ctx, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander's exitOverride; their text is already printed.
    if (error.exitCode === 0) return ExitCode.ok;
    return ExitCode.usage;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`${io.paint.red('error:')} ${error.message}\n(run with --help for usage)\n`);
    return ExitCode.usage;
  }
  if (error instanceof DiagnosticsError) {
    io.stderr.write(formatDiagnostics(error.diagnostics, 'human', io.paint));
    return ExitCode.invalid;
  }
  if (error instanceof UserError) {
    io.stderr.write(`${io.paint.red('error:')} ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${io.paint.red('internal error:')} ${message.split('\n')[0]}\n` +
      'This is a bug in okta-connector; please report it with the command you ran' +
      (debug ? '.\n' : ' (rerun with --debug for the stack).\n'),
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return ExitCode.internal;
}
