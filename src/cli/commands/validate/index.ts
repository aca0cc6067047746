import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../../../diagnostics/format.js';

export function registerValidate(program: Command, ctx: CommandContext): Command {
  return program
    .command('validate')
    .description('check connector specs: the JSON Schema, then Okta deploy rules and authoring rules')
    .argument('<spec...>', 'connector spec files (YAML or JSON)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('human'),
    )
    .option('--max-warnings <n>', 'fail when there are more warnings than this', (v) => parseCount(v))
    .action(async (files: string[], opts: { format: DiagnosticFormat; maxWarnings?: number }) => {
      const { validateFiles } = await import('../../../spec/validate-files.js');
      const { output, exitCode } = await validateFiles(files, {
        cwd: ctx.io.cwd,
        format: opts.format,
        paint: ctx.io.paint,
        maxWarnings: opts.maxWarnings,
      });
      // Human diagnostics are a log (stderr); machine formats are the command's result (stdout).
      (opts.format === 'human' ? ctx.io.stderr : ctx.io.stdout).write(output);
      ctx.exit(exitCode);
    });
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number, found "${value}"`);
  return n;
}
