import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerBuild(program: Command, ctx: CommandContext): Command {
  return program
    .command('build')
    .description("build the connector's flows (flopack), build sheet, docs and zip")
    .action(() => {
      void ctx;
      throw new UserError('the build command is not built yet');
    });
}
