import { Option, type Command } from 'commander';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CommandContext } from '../../context.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../../../diagnostics/format.js';
import { ExitCode } from '../../exit-codes.js';

interface BuildFlags {
  out: string;
  check?: boolean;
  format: DiagnosticFormat;
  zip: boolean;
  threads: '1' | '2';
}

export function registerBuild(program: Command, ctx: CommandContext): Command {
  return program
    .command('build')
    .description(
      "build the connector's hand-off package in <out>/<name>/: the flopack, a build sheet (BUILD.md, build.html), " +
        'the submission docs, manifest.json and a reproducible zip',
    )
    .argument('<spec>', 'the connector spec (connector.yaml)')
    .option('-o, --out <dir>', 'output folder; the package goes to <dir>/<name>/', 'dist')
    .option('--check', 'write nothing; exit 1 and name the files that differ from what the spec produces now')
    .addOption(
      new Option('--format <format>', 'output format').choices([...DIAGNOSTIC_FORMATS]).default('human'),
    )
    .option('--no-zip', 'skip the <name>-<version>.zip')
    .addOption(
      new Option(
        '--threads <n>',
        'threads that build the flows; 2 is faster for thousands of actions when two cores are free, and takes more memory',
      )
        .choices(['1', '2'])
        .default('1'),
    )
    .action(async (spec: string, flags: BuildFlags) => {
      const { buildConnector } = await import('../../../handoff-package/build.js');
      const { formatBuildReport } = await import('../../../handoff-package/report.js');
      const { io } = ctx;
      const result = await buildConnector(isAbsolute(spec) ? spec : resolve(io.cwd, spec), {
        outDir: resolve(io.cwd, flags.out),
        check: flags.check === true,
        zip: flags.zip,
        displayName: spec,
        threads: flags.threads === '2' ? 'two' : 'one',
        mainThreadFirst: true,
        collectAfterLargeSpec: true,
      });
      const display = (p: string) => {
        const rel = relative(io.cwd, p);
        return (rel === '' ? '.' : rel).split(sep).join('/');
      };
      const rerun = `okta-connector build ${spec}${flags.out === 'dist' ? '' : ` --out ${flags.out}`}`;
      const report = formatBuildReport(result, {
        format: flags.format,
        paint: io.paint,
        display,
        spec,
        rerun,
      });
      if (report.stderr) io.stderr.write(report.stderr);
      if (report.stdout) io.stdout.write(report.stdout);
      ctx.exit(result.ok ? ExitCode.ok : ExitCode.invalid);
    });
}
