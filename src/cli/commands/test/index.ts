import { Option, type Command } from 'commander';
import type { CommandContext } from '../../context.js';

const FORMATS = ['human', 'json', 'junit'] as const;

export function registerTest(program: Command, ctx: CommandContext): Command {
  const test = program
    .command('test')
    .description("run a connector's scenario files offline against the embedded mock Twilio")
    .argument(
      '[connector]',
      'a connector folder (connector.yaml + tests/*.yaml), or a name under connectors/; default: .',
    )
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('human'))
    .option('--filter <text>', 'run only scenarios whose name or file name contains this')
    .option(
      '--base-url <url>',
      "run against this server instead of the spec's mock (scenarios needing the mock Twilio are skipped)",
    )
    .option(
      '--openapi <description>',
      "run against a mock of this OpenAPI description instead of the spec's mock",
    )
    .option(
      '--connection-file <file>',
      'connection for --base-url (YAML/JSON); or OKTA_CONNECTOR_CONNECTION / OKTA_CONNECTOR_CONN_<KEY>',
    )
    .addHelpText(
      'after',
      `
Scenario files live in <connector>/tests/*.yaml: an action (or authping: true), options, inputs, an optional
connection and mock set-up (seed, faults, settle, httpTimeoutMs), and what to expect (outputs, error, the HTTP
requests as the mock saw them, the mock's messages). \`okta-connector test init\` writes one to start from.
Scenarios run against the mock the spec names (\`mock: twilio\` or \`mock: {openapi: <description>}\`), --openapi or
--base-url; with none, each is reported as skipped with the reason. Exit 0 when no scenario fails, 1 when any fails.

Examples:
  okta-connector test connectors/twilio
  okta-connector test twilio --filter whatsapp --format junit > junit.xml
  OKTA_CONNECTOR_CONNECTION='{"username":"SK…","password":"…","accountSid":"AC…"}' \\
    okta-connector test twilio --base-url http://127.0.0.1:4010`,
    )
    .action(
      async (
        connector: string | undefined,
        opts: {
          format: (typeof FORMATS)[number];
          filter?: string;
          baseUrl?: string;
          connectionFile?: string;
          openapi?: string;
        },
      ) => {
        const { testCli } = await import('./run-test.js');
        ctx.exit(
          await testCli(
            {
              ...(connector !== undefined ? { connector } : {}),
              format: opts.format,
              ...(opts.filter !== undefined ? { filter: opts.filter } : {}),
              ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
              ...(opts.connectionFile !== undefined ? { connectionFile: opts.connectionFile } : {}),
              ...(opts.openapi !== undefined ? { openapi: opts.openapi } : {}),
            },
            ctx.io,
          ),
        );
      },
    );
  test
    .command('init')
    .description('scaffold a scenario file (tests/<action>.yaml) for one action')
    .argument('[connector]', 'the connector folder or name; default: .')
    .option('-a, --action <name>', 'the action (default: the first one)')
    .option('--force', 'overwrite an existing file')
    .action(async (connector: string | undefined, opts: { action?: string; force?: boolean }) => {
      const { testInitCli } = await import('./run-test.js');
      ctx.exit(
        await testInitCli(
          {
            ...(connector !== undefined ? { connector } : {}),
            ...(opts.action !== undefined ? { action: opts.action } : {}),
            ...(opts.force ? { force: true } : {}),
          },
          ctx.io,
        ),
      );
    });
  return test;
}
