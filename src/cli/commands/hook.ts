import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../../errors.js';

// Placeholder until the command lands; replaced by its owner.
export function registerHook(program: Command, ctx: CommandContext): Command {
  return program
    .command('hook')
    .description('generate, serve and exercise Okta telephony inline hooks and event hooks')
    .action(() => {
      void ctx;
      throw new UserError('the hook command is not built yet');
    });
}
