import type { Command } from 'commander';
import type { CommandContext } from '../../context.js';

/** Stops every `hook serve` running in this process, as Ctrl+C would (for in-process tests). */
export async function stopHookServers(): Promise<void> {
  (await import('./serve.js')).stopHookServers();
}

/**
 * `hook`: the Okta side of the telephony inline hook and event hooks (reference §3): generate the flow, serve
 * API Endpoint flows as Workflows does, and play Okta against any endpoint.
 */
export function registerHook(program: Command, ctx: CommandContext): Command {
  const hook = program
    .command('hook')
    .description('generate, serve and exercise Okta telephony inline hooks and event hooks');
  const sub = (cmd: Command): Command =>
    cmd.exitOverride().configureOutput({
      writeOut: (s: string) => ctx.io.stdout.write(s),
      writeErr: (s: string) => ctx.io.stderr.write(s),
    });

  sub(
    hook
      .command('telephony')
      .description(
        'write the telephony inline hook flow (WhatsApp if opted in, else SMS) as an importable .folder',
      )
      .argument('<spec>', 'connector spec with "Send WhatsApp" and "Send Message" actions')
      .option(
        '--opt-in-attribute <name>',
        'boolean Okta profile attribute that opts a user in to WhatsApp',
        'whatsappOTP',
      )
      .option('--out <dir>', 'folder to write the .folder file to', 'dist')
      .option('--sms-from <number>', 'Twilio number SMS codes come from', '+15005550006')
      .option('--whatsapp-from <number>', 'WhatsApp sender codes come from', '+14155238886')
      .option(
        '--account-sid <sid>',
        'Twilio Account SID in the request URL (default: TWILIO_ACCOUNT_SID, else the mock)',
      )
      .action(async (spec: string, flags) => {
        const { runHookTelephony } = await import('./telephony.js');
        await runHookTelephony(spec, flags, ctx);
      }),
  );

  sub(
    hook
      .command('serve')
      .description(
        'serve API Endpoint flows on loopback as Workflows does (/api/flo/<alias>/invoke) and an event hook',
      )
      .argument('[folder...]', '.folder/.flow/.flopack files, or folders holding them')
      .option('-p, --port <port>', 'port to listen on (127.0.0.1); 0 picks a free one', '4030')
      .option(
        '--client-token-file <file>',
        'client token to require (default: OKTA_CONNECTOR_CLIENT_TOKEN, else a new one)',
      )
      .option('--connection-file <file>', 'connection values by name or module, e.g. okta: {domain, token}')
      .option(
        '--embedded-mocks',
        'run mock Okta and mock Twilio in-process (the default without a connection file)',
      )
      .option(
        '--event-hook-secret-file <file>',
        'event hook secret (default: OKTA_CONNECTOR_EVENT_HOOK_SECRET, else new)',
      )
      .option(
        '--event-hook-flow <name>',
        'served flow (name or alias) that receives new events of each delivery',
      )
      .option('--quiet', 'do not print a line per request')
      .action(async (folders: string[], flags) => {
        const { runHookServe } = await import('./serve.js');
        await runHookServe(folders, flags, ctx);
      }),
  );

  const send = sub(
    hook.command('send').description("play Okta: send a hook request and print Okta's verdict"),
  );
  sub(
    send
      .command('telephony')
      .description(
        'send a telephony inline hook request; exit 0 if Okta accepts the answer, 1 if it falls back',
      )
      .requiredOption('--to <url>', 'the hook URL (an invoke URL of hook serve, or any endpoint)')
      .requiredOption('--user <id>', 'Okta user id (or login) in data.userProfile')
      .requiredOption(
        '--request-type <type>',
        'pre-enrollment | mfa-verification | account-unlock | password-reset (or com.okta.user.telephony.*)',
      )
      .option('--channel <channel>', 'sms or voice', 'sms')
      .option('--phone <number>', "phone number Okta sends to (default: the mock user's mobile phone)")
      .option('--otp <code>', 'one-time code (default: random, or from --seed)')
      .option('--login <login>', 'login in data.userProfile')
      .option('--client-token-file <file>', 'client token (default: OKTA_CONNECTOR_CLIENT_TOKEN)')
      .option(
        '--auth-header <name>',
        "the inline hook's authScheme header that carries the token",
        'x-api-client-token',
      )
      .option('--seed <seed>', 'derive ids and the code from this seed (same seed, same request)')
      .option('--now <time>', 'the request time (ISO-8601) instead of the clock')
      .option('--json', 'print the verdict as JSON')
      .action(async (flags) => {
        const { runSendTelephony } = await import('./send.js');
        await runSendTelephony(flags, ctx);
      }),
  );
  sub(
    send
      .command('event')
      .description(
        'verify an event hook (GET challenge) and deliver events (POST); exit 0 if Okta would use it',
      )
      .requiredOption('--to <url>', 'the event hook URL (hook serve: /event-hook)')
      .option(
        '--secret-file <file>',
        'the shared secret Okta sends in Authorization (default: OKTA_CONNECTOR_EVENT_HOOK_SECRET)',
      )
      .option('--events <n>', 'events in the delivery batch', '1')
      .option('--event-type <type>', 'System Log event type of the events', 'user.session.start')
      .option('--resend', 'deliver the same batch twice, as at-least-once delivery may')
      .option('--skip-verification', 'only deliver')
      .option('--seed <seed>', 'derive ids from this seed')
      .option('--now <time>', 'the delivery time (ISO-8601) instead of the clock')
      .option('--json', 'print the results as JSON')
      .action(async (flags) => {
        const { runSendEvent } = await import('./send.js');
        await runSendEvent(flags, ctx);
      }),
  );
  return hook;
}
