import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerLint(program: Command, ctx: CommandContext): Command {
  return program
    .command('lint')
    .description("check flopack files (.flopack, .flow, .folder) against Okta's import rules")
    .action(() => {
      void ctx;
      throw new UserError('the lint command is not built yet');
    });
}
