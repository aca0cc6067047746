import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerValidate(program: Command, ctx: CommandContext): Command {
  return program
    .command('validate')
    .description('check connector specs')
    .action(() => {
      void ctx;
      throw new UserError('the validate command is not built yet');
    });
}
