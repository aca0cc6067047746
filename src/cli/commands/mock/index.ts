import type { Command } from 'commander';
import { basename, resolve } from 'node:path';
import type { CommandContext } from '../../context.js';
import { UsageError, UserError } from '../../../errors.js';

interface MockTwilioFlags {
  port: string;
  host: string;
  seed?: string;
  quiet?: boolean;
  showCredentials?: boolean;
  stepMs?: string;
  maxMessages?: string;
  maxLoggedRequests?: string;
}

/** Running `mock twilio` commands wait on these; SIGINT/SIGTERM (or stopRunningMocks in tests) release them. */
const stoppers = new Set<() => void>();

/** Stops every `mock` command running in this process, as Ctrl+C would (for in-process tests). */
export function stopRunningMocks(): void {
  for (const stop of [...stoppers]) stop();
}

export function registerMock(program: Command, ctx: CommandContext): Command {
  const mock = program.command('mock').description('run a local mock service (twilio, okta, openapi)');
  mock
    .command('twilio')
    .description(
      'serve a faithful mock of the Twilio Messages API on this machine (state in memory; /__mock/* to inspect)',
    )
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', '4010')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--seed <file>',
      'accounts, credentials, numbers and senders (YAML or JSON); replaces the defaults',
    )
    .option('--step-ms <ms>', 'delay between message status steps (queued → sent → delivered)', '20')
    .option(
      '--max-messages <n>',
      "messages kept before the oldest are evicted (default: the seed's, else 10000)",
    )
    .option('--max-logged-requests <n>', "requests /__mock/requests keeps (default: the seed's, else 10000)")
    .option('--quiet', 'do not log each request')
    .option('--show-credentials', "also print the accounts' auth tokens and API key secrets")
    .exitOverride()
    .configureOutput({
      writeOut: (s: string) => ctx.io.stdout.write(s),
      writeErr: (s: string) => ctx.io.stderr.write(s),
    })
    .action((flags: MockTwilioFlags) => runMockTwilio(flags, ctx));
  mock
    .command('okta')
    .description(
      "serve a mock of Okta's Users API (GET /api/v1/users/{id}, SSWS token) with the telephony hook's users",
    )
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', '4011')
    .option('--quiet', 'do not log each request')
    .option('--show-credentials', 'also print the API token')
    .exitOverride()
    .configureOutput({
      writeOut: (s: string) => ctx.io.stdout.write(s),
      writeErr: (s: string) => ctx.io.stderr.write(s),
    })
    .action((flags: { port: string; quiet?: boolean; showCredentials?: boolean }) => runMockOkta(flags, ctx));
  mock
    .command('openapi')
    .argument('<description>', 'an OpenAPI 2.0 or 3.x description (JSON or YAML; local $refs may span files)')
    .description(
      'serve any API from its OpenAPI description: requests validated as its front door would, answered with its examples or generated responses',
    )
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', '4012')
    .option(
      '--seed <seed>',
      'decides generated values: the same seed and request give the same response',
      '0',
    )
    .option(
      '--overrides <file...>',
      'corrections to contradictions inside the description (YAML; see README)',
    )
    .option(
      '--no-bundled-overrides',
      "do not apply the project's own overrides for known vendor descriptions",
    )
    .option('--quiet', 'do not log each request')
    .exitOverride()
    .configureOutput({
      writeOut: (s: string) => ctx.io.stdout.write(s),
      writeErr: (s: string) => ctx.io.stderr.write(s),
    })
    .action((description: string, flags: MockOpenApiFlags) => runMockOpenApi(description, flags, ctx));
  return mock;
}

interface MockOpenApiFlags {
  port: string;
  seed: string;
  overrides?: string[];
  bundledOverrides: boolean;
  quiet?: boolean;
}

async function runMockOpenApi(description: string, flags: MockOpenApiFlags, ctx: CommandContext) {
  const { io } = ctx;
  const port = wholeNumber(flags.port, '--port', 65535);
  const { startOpenApiMock } = await import('../../../mock/openapi/index.js');
  const log = flags.quiet ? undefined : (line: string) => void io.stdout.write(`${line}\n`);
  const server = await listenOrExplain(
    () =>
      startOpenApiMock({
        file: resolve(io.cwd, description),
        seed: flags.seed,
        overrides: (flags.overrides ?? []).map((f) => resolve(io.cwd, f)),
        bundledOverrides: flags.bundledOverrides,
        port,
        ...(log ? { log } : {}),
      }),
    port,
    '127.0.0.1',
  );
  const { paint } = io;
  const { info } = server;
  io.stdout.write(
    [
      `${paint.green('Mock OpenAPI')} ${info.title} ${info.version} (OpenAPI ${info.sourceVersion}, ${info.operations} operations) listening on ${paint.bold(server.url)}`,
      ...server.servers.map((s) => `  serves ${s.url} at ${server.url}${s.basePath}`),
      ...server.overrides.map((o) => `  override ${o.target} (${basename(o.file)}): ${paint.dim(o.reason)}`),
      `  seed ${flags.seed}: the same request gets the same response`,
      `  inspect: GET ${server.url}/__mock/requests · GET /__mock/operations · POST /__mock/reset (Content-Type: application/json)`,
      'Press Ctrl+C to stop.',
    ].join('\n') + '\n',
  );
  await untilStopped();
  await server.close();
  io.stdout.write('Mock OpenAPI stopped.\n');
}

async function runMockOkta(
  flags: { port: string; quiet?: boolean; showCredentials?: boolean },
  ctx: CommandContext,
) {
  const { io } = ctx;
  const port = wholeNumber(flags.port, '--port', 65535);
  const { startMockOkta, DEFAULT_OKTA_TOKEN, OKTA_SEED } = await import('../../../mock/okta/index.js');
  const log = flags.quiet ? undefined : (line: string) => void io.stdout.write(`${line}\n`);
  const server = await listenOrExplain(
    () => startMockOkta({ port, ...(log ? { log } : {}) }),
    port,
    '127.0.0.1',
  );
  const { paint } = io;
  io.stdout.write(
    [
      `${paint.green('Mock Okta')} listening on ${paint.bold(server.url)}`,
      `  API token  ${flags.showCredentials ? DEFAULT_OKTA_TOKEN : paint.dim('hidden (--show-credentials)')}  (Authorization: SSWS <token>)`,
      ...OKTA_SEED.users.map(
        (u) =>
          `  user ${u.id}  ${u.profile.login}  mobilePhone ${u.profile.mobilePhone ?? 'none'}  whatsappOTP ${String(u.profile.whatsappOTP ?? false)}`,
      ),
      'Press Ctrl+C to stop.',
    ].join('\n') + '\n',
  );
  await untilStopped();
  await server.close();
  io.stdout.write('Mock Okta stopped.\n');
}

/** Starts a server, turning the usual listen failures into messages that say what to do. */
async function listenOrExplain<T>(start: () => Promise<T>, port: number, host: string): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UserError(
        `port ${port} on ${host} is already in use; choose another with --port (0 picks a free one)`,
      );
    if (code === 'EACCES')
      throw new UserError(`not allowed to listen on ${host}:${port}; try a port above 1023`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UserError(`cannot listen on ${host}: no such local address`);
    throw error;
  }
}

/** Resolves on SIGINT/SIGTERM, or when a test calls stopRunningMocks(). */
function untilStopped(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stoppers.delete(stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    stoppers.add(stop);
  });
}

async function runMockTwilio(flags: MockTwilioFlags, ctx: CommandContext): Promise<void> {
  const { io } = ctx;
  const port = wholeNumber(flags.port, '--port', 65535);
  const stepMs = wholeNumber(flags.stepMs ?? '20', '--step-ms', 60_000);
  const limits: { maxMessages?: number; maxLoggedRequests?: number } = {};
  if (flags.maxMessages !== undefined)
    limits.maxMessages = wholeNumber(flags.maxMessages, '--max-messages', 1e9);
  if (limits.maxMessages === 0) throw new UsageError('--max-messages must be at least 1');
  if (flags.maxLoggedRequests !== undefined)
    limits.maxLoggedRequests = wholeNumber(flags.maxLoggedRequests, '--max-logged-requests', 1e9);
  const { startMockTwilio, loadTwilioSeed, DEFAULT_TWILIO_SEED } =
    await import('../../../mock/twilio/index.js');
  const seed = flags.seed
    ? await loadTwilioSeed(resolve(io.cwd, flags.seed), flags.seed)
    : DEFAULT_TWILIO_SEED;
  const log = flags.quiet ? undefined : (line: string) => void io.stdout.write(`${line}\n`);
  const notice = (line: string) => void io.stdout.write(`${line}\n`);
  const server = await listenOrExplain(
    () => startMockTwilio({ port, host: flags.host, seed, log, notice, lifecycleStepMs: stepMs, ...limits }),
    port,
    flags.host,
  );
  const { paint } = io;
  const out: string[] = [`${paint.green('Mock Twilio')} listening on ${paint.bold(server.url)}`];
  if (!isLoopback(flags.host))
    out.push(
      paint.yellow(`warning: ${flags.host} is reachable from other machines; the mock has no real security`),
    );
  for (const a of seed.accounts) {
    out.push(
      `  account ${a.sid}${a.trial ? ' (trial)' : ''}${a.testCredentials ? ' (test credentials)' : ''}`,
    );
    out.push(
      `    auth token  ${flags.showCredentials ? a.authToken : paint.dim('hidden (--show-credentials)')}`,
    );
    for (const k of a.apiKeys ?? [])
      out.push(`    API key     ${k.sid}  secret ${flags.showCredentials ? k.secret : paint.dim('hidden')}`);
  }
  out.push(
    `  twilio client: client.api.baseUrl = '${server.url}' (and region: '', edge: '')`,
    `  inspect: GET ${server.url}/__mock/messages · GET /__mock/requests · POST /__mock/reset · POST /__mock/faults (POSTs need Content-Type: application/json)`,
    'Press Ctrl+C to stop.',
  );
  io.stdout.write(out.join('\n') + '\n');
  await untilStopped();
  await server.close();
  io.stdout.write('Mock Twilio stopped.\n');
}

function wholeNumber(raw: string, flag: string, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > max)
    throw new UsageError(`${flag} must be a whole number from 0 to ${max}, not "${raw}"`);
  return n;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
