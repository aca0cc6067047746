import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CommandContext } from '../../context.js';
import type { Io } from '../../io.js';
import type { Prompter } from '../../../init/prompter.js';
import type { InitFromOpenApiOptions } from '../../../import/openapi/init-from-openapi.js';
import type { OperationPicker } from '../../../import/openapi/pick.js';

/** Tests may hand the command a scripted prompter through the io object; the CLI never sets it. */
export type InitIo = Io & { prompter?: Prompter; picker?: OperationPicker };

// Literal lists (not imported) so registering the command loads nothing of src/init.
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const EXAMPLES = `
Examples:
  okta-connector init                       # asks for everything (in a terminal)
  okta-connector init acme --yes --base-url https://api.acme.example/v1
  okta-connector init twilio --from-openapi twilio_api_v2010.json --operation CreateMessage --operation FetchMessage
  okta-connector init --display-name "Acme CRM" --auth custom --base-url 'https://\${connection.subdomain}.acme.example' \\
      --param subdomain:Subdomain --action "Get Contact" --path '/contacts/\${inputs.id}' --yes

Without a terminal, with CI set, or with --yes, init never prompts: flags and defaults only; a required
answer without a default (--base-url; --name when nothing to derive it from; OAuth 2.0 URLs) is a usage error.`;

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description('scaffold a connector spec, a test scenario, a README and a CI workflow')
    .argument('[dir]', 'folder to write into (default: ./<name>)')
    .option(
      '--name <name>',
      'machine name: lower-case letters, digits, underscores (default: from the display name)',
    )
    .option('--display-name <text>', 'name shown in Okta Workflows')
    .option('--description <text>', 'what the connector does')
    .option('--support-email <email>', 'support contact (default support@example.com)')
    .option('--base-url <url>', 'API base URL; may use ${connection.<key>}')
    .addOption(
      new Option('--auth <type>', 'authentication (default basic)').choices(['basic', 'custom', 'oauth2']),
    )
    .option('--username-label <label>', 'basic: label of the username field (default Username)')
    .option('--password-label <label>', 'basic: label of the password field (default Password)')
    .addOption(
      new Option('--auth-placement <where>', 'custom: send the key in a header or the query').choices([
        'header',
        'query',
      ]),
    )
    .option('--auth-name <name>', 'custom: header or query parameter name (default Authorization / api_key)')
    .option('--auth-value <template>', 'custom: value, e.g. "Bearer ${connection.apiKey}"')
    .option(
      '--session-path <path>',
      'custom: a token request (POST client_id, client_secret) whose answer is the Session Token config value',
    )
    .option(
      '--session-value <path>',
      'custom: dot path of the token in its JSON answer (default access_token)',
    )
    .addOption(
      new Option('--grant-type <type>', 'oauth2: grant type').choices([
        'authorization_code',
        'client_credentials',
      ]),
    )
    .option('--authorize-url <url>', 'oauth2: authorization URL (authorization_code)')
    .option('--token-url <url>', 'oauth2: token URL')
    .option('--scopes <list>', 'oauth2: scopes, separated by spaces or commas')
    .option(
      '--param <key:label[:type[:required]]>',
      'a connection parameter (repeatable); type text|password; required|optional',
      collect,
    )
    .option('--action <name>', 'the first action card (letters, numbers and spaces; default "Get Item")')
    .option('--method <method>', 'its HTTP method (default GET)', parseMethod)
    .option('--path <path>', 'its path, relative to the base URL (default /items/${inputs.id})')
    .option(
      '--from-openapi <description>',
      'import the spec from an OpenAPI description (see `import openapi`); then choose operations with:',
    )
    .option('--operation <id>', '  --from-openapi: an operationId or "METHOD /path" (repeatable)', collect)
    .option('--tag <tag>', '  --from-openapi: every operation with this tag (repeatable)', collect)
    .option('--all', '  --from-openapi: every operation')
    .option('--authping <id>', '  --from-openapi: the operation the health check calls')
    .option('-y, --yes', 'use flags and defaults; never prompt')
    .option('--force', 'overwrite existing scaffold files')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string | undefined, opts: Omit<InitFromOpenApiOptions, 'dir' | 'fromOpenapi'>) => {
      const [{ runInit }, { formatInitSummary }, { toolVersion }] = await Promise.all([
        import('../../../init/init.js'),
        import('../../../init/summary.js'),
        import('../../program.js'),
      ]);
      const io = ctx.io as InitIo;
      const options = { ...opts, ...(dir !== undefined && { dir }) };
      const env = {
        cwd: io.cwd,
        // Never prompt without a TTY or in CI (io.interactive says so for the real process; checked again here).
        interactive: io.interactive && !io.env.CI,
        prompter: async () =>
          io.prompter ?? (await import('../../../init/inquirer-prompter.js')).createInquirerPrompter(),
        toolVersion: toolVersion(),
        picker: async () =>
          io.picker ?? (await import('../../../import/openapi/pick.js')).createInquirerPicker(),
      };
      // `--from-openapi` hands the spec to the importer; init scaffolds the rest either way.
      const fromOpenapi = (opts as { fromOpenapi?: string }).fromOpenapi;
      const result =
        fromOpenapi === undefined
          ? await runInit(options, env)
          : await (
              await import('../../../import/openapi/init-from-openapi.js')
            ).initFromOpenApi({ ...options, fromOpenapi }, env);
      io.stdout.write(formatInitSummary(result, io.paint));
      ctx.exit(0);
    });
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseMethod(value: string): string {
  const method = value.toUpperCase();
  if (!METHODS.includes(method)) throw new InvalidArgumentError(`expected one of ${METHODS.join(', ')}`);
  return method;
}
