import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';
import type { Io } from '../../io.js';
import type { OperationPicker } from '../../../import/openapi/pick.js';

/** Tests may hand the command a scripted picker through the io object; the CLI never sets it. */
export type ImportIo = Io & { picker?: OperationPicker };

interface ImportOpenApiFlags {
  out?: string;
  operation?: string[];
  tag?: string[];
  all?: boolean;
  name?: string;
  authping?: string;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  okta-connector import openapi twilio_api_v2010.json --operation CreateMessage --operation FetchMessage
  okta-connector import openapi slack.json --operation auth_test --operation "POST /chat.postMessage" --out slack.yaml
  okta-connector import openapi api.yaml --tag Messages --authping GetMe
  okta-connector import openapi api.yaml --all --name acme

Reads OpenAPI 2.0 and 3.x (JSON or YAML; $refs to local files are followed, URLs are not fetched). In a terminal
without --operation, --tag or --all it asks which operations to import; without a terminal, or with CI set, it
never asks: the missing choice is a usage error. The summary (imported, skipped and why) goes to stderr; comments
marked REVIEW: in the spec are guesses to check.`;

export function registerImport(program: Command, ctx: CommandContext): Command {
  const command = program
    .command('import')
    .description('write a connector spec from another description of the API (openapi)');
  command
    .command('openapi')
    .description('write a connector spec from an OpenAPI 2.0 or 3.x description: one action per operation')
    .argument('<description>', 'the OpenAPI description (JSON or YAML)')
    .option('-o, --out <file>', 'where to write the spec', 'connector.yaml')
    .option('--operation <id>', 'an operationId or "METHOD /path" to import (repeatable)', collect)
    .option('--tag <tag>', 'import every operation with this tag (repeatable)', collect)
    .option('--all', 'import every operation')
    .option('--name <name>', 'machine name of the connector (default: from the title)')
    .option('--authping <id>', 'the operation the health check (_authping) calls')
    .option('--force', 'overwrite the output file')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s: string) => ctx.io.stdout.write(s),
      writeErr: (s: string) => ctx.io.stderr.write(s),
    })
    .action(async (description: string, flags: ImportOpenApiFlags) => {
      const [{ runImportOpenApi }, { formatImportSummary }] = await Promise.all([
        import('../../../import/openapi/run.js'),
        import('../../../import/openapi/summary.js'),
      ]);
      const io = ctx.io as ImportIo;
      const { result, written } = await runImportOpenApi(
        description,
        {
          ...(flags.out !== undefined && { out: flags.out }),
          ...(flags.operation && { operations: flags.operation }),
          ...(flags.tag && { tags: flags.tag }),
          ...(flags.all && { all: true }),
          ...(flags.name !== undefined && { name: flags.name }),
          ...(flags.authping !== undefined && { authping: flags.authping }),
          ...(flags.force && { force: true }),
        },
        {
          cwd: io.cwd,
          // Never prompt without a TTY or in CI (io.interactive says so for the real process; checked again here).
          interactive: io.interactive && !io.env.CI,
          picker: async () =>
            io.picker ?? (await import('../../../import/openapi/pick.js')).createInquirerPicker(),
        },
      );
      io.stderr.write(formatImportSummary(result.summary, written, io.paint));
      io.stderr.write(
        `Next: npx okta-connector validate ${written} && npx okta-connector build ${written}\n`,
      );
      ctx.exit(0);
    });
  return command;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
