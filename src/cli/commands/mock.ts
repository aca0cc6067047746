import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerMock(program: Command, ctx: CommandContext): Command {
  return program
    .command('mock')
    .description('run a local mock service (twilio)')
    .action(() => {
      void ctx;
      throw new UserError('the mock command is not built yet');
    });
}
