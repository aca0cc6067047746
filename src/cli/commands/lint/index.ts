import { type Command, Option } from 'commander';
import type { CommandContext } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { UsageError } from '../../../errors.js';

interface LintFlags {
  format: string;
  connector?: boolean;
  maxWarnings?: string;
}

export function registerLint(program: Command, ctx: CommandContext): Command {
  return program
    .command('lint')
    .description(
      "check flopack files (.flopack, .flow, .folder) against Okta's import rules and Connector Builder's validations",
    )
    .argument('<file...>', 'flopack files, or directories to search for them')
    .addOption(
      new Option('--format <format>', 'output format: human, json, github or sarif').default('human'),
    )
    .option(
      '--connector',
      "apply Connector Builder's checks (CBDE…) even without an httpHelper/_authping flow",
    )
    .option('--no-connector', "never apply Connector Builder's checks")
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this')
    .action(async (args: string[], flags: LintFlags) => {
      const [{ DIAGNOSTIC_FORMATS, formatDiagnostics }, { countBySeverity }, files] = await Promise.all([
        import('../../../diagnostics/format.js'),
        import('../../../diagnostics/diagnostic.js'),
        import('../../../lint/files.js'),
      ]);
      const format = DIAGNOSTIC_FORMATS.find((f) => f === flags.format);
      if (!format) {
        throw new UsageError(`unknown format "${flags.format}"; use one of ${DIAGNOSTIC_FORMATS.join(', ')}`);
      }
      const maxWarnings = parseMaxWarnings(flags.maxWarnings);
      const toLint = await files.collectFlopackFiles(args, ctx.io.cwd);
      if (toLint.length === 0) {
        throw new UsageError(`no ${files.FLOPACK_EXTENSIONS.join(', ')} files found in ${args.join(', ')}`);
      }
      const diagnostics = await files.lintFiles(toLint, { connector: flags.connector });
      const paint = format === 'human' ? ctx.io.paint : undefined;
      const { toolInfo } = await import('../../../util/tool-info.js');
      ctx.io.stdout.write(formatDiagnostics(diagnostics, format, paint, toLint.length, toolInfo()));
      const counts = countBySeverity(diagnostics);
      const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
      if (tooManyWarnings && counts.error === 0) {
        ctx.io.stderr.write(`too many warnings: ${counts.warning} (--max-warnings ${maxWarnings})\n`);
      }
      ctx.exit(counts.error > 0 || tooManyWarnings ? ExitCode.invalid : ExitCode.ok);
    });
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number ≥ 0, not "${value}"`);
  return Number(value);
}
