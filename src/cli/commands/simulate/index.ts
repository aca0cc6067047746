import { Option, type Command } from 'commander';
import type { CommandContext } from '../../context.js';
import { UsageError } from '../../../errors.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new UsageError(`${flag} must be a positive whole number of milliseconds`);
    return n;
  };
}

export function registerSimulate(program: Command, ctx: CommandContext): Command {
  return program
    .command('simulate')
    .description(
      'run a generated or exported flow card by card against the mock Twilio or any Twilio-compatible URL',
    )
    .argument(
      '<target>',
      'a connector.yaml (built in memory), a build output folder, or a .flopack/.folder/.flow export',
    )
    .option('-a, --action <name>', 'the action to run, e.g. "Send Message" or "Custom API Action"')
    .option('--authping', 'run the _authping connection check')
    .option('-f, --flow <name>', 'for exports: the flow to run, by name or id')
    .option('-o, --option <key=value>', 'an action option (repeatable)', collect)
    .option(
      '-i, --input <key=value>',
      'an action input; JSON values (numbers, true, {...}) are parsed (repeatable)',
      collect,
    )
    .option('--input-file <file>', 'inputs from a JSON/YAML file, or @- for JSON on stdin')
    .option(
      '--webhook <file>',
      "a webhook event's delivery from a JSON/YAML file {body, contentType, headers, query} (as a scenario's `webhook:`): the body as posted, form or JSON text, or an object",
    )
    .option('--base-url <url>', "run against this server (real or staging) instead of the spec's mock")
    .option(
      '--openapi <description>',
      'run against a mock of this OpenAPI description (2.0 or 3.x, JSON or YAML)',
    )
    .option('--mock <name>', 'run against the bundled mock "twilio" (for exports; specs say `mock: twilio`)')
    .option(
      '--connection-file <file>',
      'connection values (YAML/JSON); also OKTA_CONNECTOR_CONNECTION or OKTA_CONNECTOR_CONN_<KEY>',
    )
    .option('--mock-seed <file>', 'seed file for the mock Twilio')
    .option('--trace', 'print each card and HTTP exchange to stderr (Authorization redacted)')
    .option('--trace-file <file>', 'write the full trace as JSON (redacted)')
    .option('--list', 'list the flows, their inputs and any cards the simulator cannot run; run nothing')
    .option('--labels', 'key the outputs by their labels instead of their keys')
    .option(
      '--save-scenario <file>',
      'write this run as a scenario for `okta-connector test` (SIDs and dates become patterns; no credentials); with --base-url it replays a cassette recorded next to it',
    )
    .option(
      '--record <cassette.yaml>',
      'write every HTTP exchange of the run, secrets masked, as a cassette a scenario replays (`mock: {cassette: <file>}`)',
    )
    .addOption(
      new Option(
        '--http-timeout-ms <ms>',
        'simulation setting: HTTP card timeout (the artifact says 30 s)',
      ).argParser(positiveInt('--http-timeout-ms')),
    )
    .addOption(
      new Option(
        '--retry <n>',
        'simulation setting: retry a run that failed with 429, 5xx or a timeout, as an Okta card set to retry',
      ).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 10)
          throw new UsageError('--retry must be a whole number from 0 to 10');
        return n;
      }),
    )
    .addHelpText(
      'after',
      `
Output: the action's outputs as JSON on stdout, keyed by output key (--labels: by label).
The connector is built in memory and run against the mock its spec names (\`mock: twilio\`, the bundled mock
Twilio with its seeded API key; \`mock: {openapi: <description>}\`, a mock of that OpenAPI description with
placeholder credentials), --openapi, or --base-url. With none of them it stops and says what to pass: a
connector never runs against another API's mock by accident. Secrets are never accepted as flags.

Examples:
  okta-connector simulate connectors/twilio/connector.yaml --action "Send Message" \\
      --option from=+15005550006 --input to=+14155550100 --input body=hi
  okta-connector simulate connectors/twilio/connector.yaml --authping --trace
  okta-connector simulate connector.yaml -a "Post Message" --openapi slack_web_openapi_v2.json -i channel=C1 -i text=hi
  okta-connector simulate connectors/twilio/connector.yaml -a "Send Message" -o from=+15005550006 \\
      -i to=+14155550100 -i body=hi --save-scenario connectors/twilio/tests/my-send.yaml
  okta-connector simulate connector.yaml -a "Get Stats" -i day=2026-11-28 --base-url https://staging.example.com \\
      --save-scenario tests/stats.yaml    # also writes tests/stats.cassette.yaml, replayed offline by \`test\`
  echo '{"to":"+14155550100","body":"hi"}' | okta-connector simulate connector.yaml -a "Send WhatsApp" \\
      -o from=+14155238886 --input-file @-
  OKTA_CONNECTOR_CONN_USERNAME=SK... OKTA_CONNECTOR_CONN_PASSWORD=... OKTA_CONNECTOR_CONN_ACCOUNTSID=AC... \\
      okta-connector simulate connector.yaml -a "Get Message" -i sid=SM... --base-url http://127.0.0.1:4010`,
    )
    .action(async (target: string, opts: Record<string, unknown>) => {
      const { simulateCli } = await import('./run-simulate.js');
      const code = await simulateCli(
        {
          target,
          ...(opts as Omit<import('./run-simulate.js').SimulateArgs, 'target'>),
        },
        ctx.io,
      );
      ctx.exit(code);
    });
}
