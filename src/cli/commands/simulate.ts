import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerSimulate(program: Command, ctx: CommandContext): Command {
  return program
    .command('simulate')
    .description(
      'run a generated or exported flow card by card against the mock Twilio or any Twilio-compatible URL',
    )
    .action(() => {
      void ctx;
      throw new UserError('the simulate command is not built yet');
    });
}
