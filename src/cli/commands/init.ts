import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('scaffold a connector spec, a test scenario, a README and a CI workflow')
    .action(() => {
      void ctx;
      throw new UserError('the init command is not built yet');
    });
}
