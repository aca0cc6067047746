import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerDemo(program: Command, ctx: CommandContext): Command {
  return program
    .command('demo')
    .description(
      'build the bundled Twilio connector and simulate Send Message against the embedded mock Twilio',
    )
    .action(() => {
      void ctx;
      throw new UserError('the demo command is not built yet');
    });
}
