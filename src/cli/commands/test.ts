import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerTest(program: Command, ctx: CommandContext): Command {
  return program
    .command('test')
    .description("run a connector's scenario files offline")
    .action(() => {
      void ctx;
      throw new UserError('the test command is not built yet');
    });
}
