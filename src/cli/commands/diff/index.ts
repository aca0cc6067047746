import { Option, type Command } from 'commander';
import { relative, resolve } from 'node:path';
import type { CommandContext } from '../../context.js';

export function registerDiff(program: Command, ctx: CommandContext): Command {
  return program
    .command('diff')
    .description(
      'classify the changes between two versions of a spec (breaking, additive, cosmetic) and check the version bump',
    )
    .argument('<before>', 'the previous spec')
    .argument('<after>', 'the new spec')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['human', 'json']).default('human'),
    )
    .action(async (before: string, after: string, opts: { format: 'human' | 'json' }) => {
      const { diffSpecFiles, formatDiffHuman } = await import('../../../diff/index.js');
      const show = (p: string) => relative(ctx.io.cwd, resolve(ctx.io.cwd, p)) || p;
      const report = await diffSpecFiles(resolve(ctx.io.cwd, before), resolve(ctx.io.cwd, after), {
        before: show(before),
        after: show(after),
      });
      ctx.io.stdout.write(
        opts.format === 'json'
          ? JSON.stringify(report, null, 2) + '\n'
          : formatDiffHuman(report, ctx.io.paint),
      );
      ctx.exit(report.ok ? 0 : 1);
    });
}
