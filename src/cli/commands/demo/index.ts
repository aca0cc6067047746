import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';

export function registerDemo(program: Command, ctx: CommandContext): Command {
  return program
    .command('demo')
    .description(
      'build the bundled Twilio connector and simulate Send Message against the embedded mock Twilio',
    )
    .addHelpText(
      'after',
      '\nNeeds no Twilio account and no configuration: everything runs in memory on a loopback port.',
    )
    .action(async () => {
      const { demoCli } = await import('./run-demo.js');
      ctx.exit(await demoCli(ctx.io));
    });
}
