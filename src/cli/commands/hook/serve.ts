import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../../context.js';
import { UsageError } from '../../../errors.js';
import {
  CLIENT_TOKEN_ENV,
  EVENT_HOOK_SECRET_ENV,
  generateClientToken,
  resolveSecret,
} from '../../../hooks/client-token.js';
import { connectionsFromEnv, loadConnectionFile, CONNECTIONS_ENV } from '../../../hooks/connections.js';
import type { HookRequestReport } from '../../../hooks/serve.js';
import { startServe, type ServeHandle } from '../../../hooks/serve-runtime.js';
import { loadServedFlows } from '../../../hooks/served-flows.js';
import { port } from './flags.js';

export interface ServeFlags {
  port: string;
  clientTokenFile?: string;
  connectionFile?: string;
  embeddedMocks?: boolean;
  eventHookSecretFile?: string;
  eventHookFlow?: string;
  quiet?: boolean;
}

/** Running `hook serve` commands wait on these; SIGINT/SIGTERM (or stopHookServers in tests) release them. */
const stoppers = new Set<() => void>();

export function stopHookServers(): void {
  for (const stop of [...stoppers]) stop();
}

/** `hook serve [folder...]`: the flows' API endpoints on loopback, as Workflows serves them. */
export async function runHookServe(paths: string[], flags: ServeFlags, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  const { paint } = io;
  if (paths.length === 0)
    throw new UsageError(
      'give the folder export(s) to serve, e.g. `okta-connector hook serve dist/twilio-telephony-hook.folder` ' +
        '(`okta-connector hook telephony connectors/twilio/connector.yaml` writes one)',
    );
  const listenPort = port(flags.port);
  const fileConnections = flags.connectionFile
    ? await loadConnectionFile(resolve(io.cwd, flags.connectionFile))
    : connectionsFromEnv(io.env);
  if (flags.embeddedMocks && fileConnections)
    throw new UsageError(
      `--embedded-mocks uses mock connections; drop --connection-file / ${CONNECTIONS_ENV}`,
    );
  const flows = await loadServedFlows(paths, io.cwd);
  const tokenFile = flags.clientTokenFile && resolve(io.cwd, flags.clientTokenFile);
  const given = await resolveSecret(tokenFile, io.env, CLIENT_TOKEN_ENV, 'client token');
  const clientToken = given ?? generateClientToken();
  const secretFile = flags.eventHookSecretFile && resolve(io.cwd, flags.eventHookSecretFile);
  const givenSecret = await resolveSecret(secretFile, io.env, EVENT_HOOK_SECRET_ENV, 'event hook secret');
  const secret = givenSecret ?? generateClientToken();

  const onReport = flags.quiet
    ? undefined
    : (r: HookRequestReport) => void io.stdout.write(reportLine(r, paint) + '\n');
  const handle: ServeHandle = await startServe({
    flows,
    clientToken,
    connections: fileConnections,
    eventHook: { secret, forwardTo: flags.eventHookFlow },
    port: listenPort,
    onReport,
  });
  const { server } = handle;
  const out = [
    `${paint.green('Okta hook endpoints')} on ${paint.bold(server.url)} (Okta's budget: 3 s per request)`,
  ];
  for (const e of server.endpoints)
    out.push(`  ${e.name}  ${paint.cyan(e.invokeUrl)}`, paint.dim(`    from ${e.source}`));
  out.push(
    `  event hook  ${paint.cyan(server.eventHookUrl ?? '')}${flags.eventHookFlow ? ` → "${flags.eventHookFlow}"` : ''}`,
  );
  out.push(
    handle.mocks
      ? `  connections: embedded mock Okta ${handle.mocks.okta.url} and mock Twilio ${handle.mocks.twilio.url}`
      : '  connections: from ' + (flags.connectionFile ?? CONNECTIONS_ENV),
  );
  // Generated secrets go to owner-only files, never to the terminal or a log; only their paths are printed.
  const written = await writeGeneratedSecrets({
    ...(given ? {} : { 'client-token': clientToken }),
    ...(givenSecret ? {} : { 'event-hook-secret': secret }),
  });
  if (written['client-token'])
    out.push(
      `  client token in ${written['client-token']} (hook send --client-token-file; Okta sends it as x-api-client-token)`,
    );
  if (written['event-hook-secret'])
    out.push(`  event hook secret in ${written['event-hook-secret']} (hook send event --secret-file)`);
  io.stdout.write(out.join('\n') + '\n');
  io.stdout.write(paint.dim('Press Ctrl+C to stop.') + '\n');

  await new Promise<void>((done) => {
    const stop = () => {
      stoppers.delete(stop);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    stoppers.add(stop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
}

function reportLine(r: HookRequestReport, paint: CommandContext['io']['paint']): string {
  const ms = Math.round(r.durationMs);
  const budget = r.overBudget
    ? paint.red(`over Okta's ${r.budgetMs / 1000} s budget`)
    : paint.green(`within ${r.budgetMs / 1000} s`);
  const status = r.status >= 400 ? paint.red(String(r.status)) : String(r.status);
  const what = r.endpoint ? ` ${r.endpoint}${r.kind === 'event-forward' ? ' (forwarded events)' : ''}` : '';
  return `${r.method} ${r.path} → ${status} in ${ms} ms (${budget})${what}${r.detail ? `: ${r.detail}` : ''}`;
}

/** Writes each secret to its own file (mode 0600) in a fresh private folder; returns the paths by name. */
async function writeGeneratedSecrets(secrets: Record<string, string>): Promise<Record<string, string>> {
  const names = Object.keys(secrets);
  if (names.length === 0) return {};
  const dir = await mkdtemp(join(tmpdir(), 'okta-connector-hook-'));
  const paths: Record<string, string> = {};
  for (const name of names) {
    paths[name] = join(dir, name);
    await writeFile(paths[name]!, secrets[name]! + '\n', { mode: 0o600 });
  }
  return paths;
}
