import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { CassetteRecorder, connectionSecrets } from '../../../scenario/cassette.js';
import { deliveryInputs } from '../../../scenario/webhook-delivery.js';
import type { HttpTransport } from '../../../simulate/transport.js';
import type { Io } from '../../io.js';
import { ExitCode } from '../../exit-codes.js';
import { UsageError } from '../../../errors.js';
import { collectPairs, keepTextAsTyped, readObjectArg } from './args.js';
import {
  connectionKeys,
  requireConnection,
  resolveConnection,
  secretConnectionKeys,
} from '../../../run/connection.js';
import { mockConnection } from '../../../run/embedded-mock.js';
import { chooseMock, noMockReason, placeholderConnection } from '../../../run/offline-mock.js';
import { outputLabels } from '../../../run/flow-fields.js';
import { simulateTargetFlow } from '../../../run/simulation.js';
import { formatFlowError, formatOutputs, formatTrace, scrubSecrets } from '../../../run/format.js';
import { checkFields, selectFlow } from '../../../run/select.js';
import { describeTarget, unsupportedIn } from '../../../run/inspect-target.js';
import { loadTarget } from '../../../run/target.js';
import { writeTraceFile } from '../../../run/trace-file.js';

export interface SimulateArgs {
  target: string;
  action?: string;
  flow?: string;
  authping?: boolean;
  option?: string[];
  input?: string[];
  inputFile?: string;
  webhook?: string;
  baseUrl?: string;
  connectionFile?: string;
  mockSeed?: string;
  /** Run against a mock of this OpenAPI description (relative to cwd) instead of the spec's `mock`. */
  openapi?: string;
  /** `twilio`: run against the bundled mock Twilio (for exports, which have no spec to say so). */
  mock?: string;
  trace?: boolean;
  traceFile?: string;
  labels?: boolean;
  httpTimeoutMs?: number;
  /** Simulation setting: retry a failed run (429, 5xx, timeout) this many times, as an Okta card set to retry. */
  retry?: number;
  /** List the flows, their inputs and the cards that cannot be simulated; run nothing. */
  list?: boolean;
  /** Write the run as a scenario file for `okta-connector test` (a cassette next to it unless on the mock Twilio). */
  saveScenario?: string;
  /** Write every HTTP exchange, secrets masked, as a cassette a scenario can replay. */
  record?: string;
}

/** `okta-connector simulate`: returns the exit code (0 ok, 3 the flow failed); usage problems throw. */
export async function simulateCli(args: SimulateArgs, io: Io): Promise<number> {
  if (args.baseUrl !== undefined && (args.mockSeed ?? args.openapi ?? args.mock) !== undefined) {
    throw new UsageError(
      '--mock-seed, --openapi and --mock choose a mock; they cannot be combined with --base-url',
    );
  }
  const baseUrl = args.baseUrl === undefined ? undefined : checkBaseUrl(args.baseUrl);
  if (args.saveScenario !== undefined && args.mockSeed !== undefined) {
    throw new UsageError(
      '--save-scenario records runs against the mock Twilio with its default seed only (or a server, with --base-url)',
    );
  }
  const target = await loadTarget(args.target, io.cwd);
  if (args.list) {
    io.stdout.write(await describeTarget(target));
    return ExitCode.ok;
  }
  const mock =
    baseUrl === undefined
      ? chooseMock(
          target,
          {
            ...(args.openapi !== undefined ? { openapi: args.openapi } : {}),
            ...(args.mock !== undefined ? { mock: args.mock } : {}),
            ...(args.mockSeed !== undefined ? { mockSeed: args.mockSeed } : {}),
          },
          io.cwd,
        )
      : undefined;
  if (baseUrl === undefined && mock === undefined) throw new UsageError(noMockReason(target));
  // A scenario replays a cassette of the run, except on the mock Twilio, which `test` starts itself.
  const cassetteFile =
    args.record ??
    (args.saveScenario !== undefined && mock?.kind !== 'twilio'
      ? args.saveScenario.replace(/\.ya?ml$/i, '') + '.cassette.yaml'
      : undefined);
  if (
    args.saveScenario !== undefined &&
    cassetteFile !== undefined &&
    resolve(io.cwd, cassetteFile) === resolve(io.cwd, args.saveScenario)
  )
    throw new UsageError('--record and --save-scenario must name different files');
  const recorder = cassetteFile !== undefined ? new CassetteRecorder() : undefined;
  const flow = selectFlow(target, {
    ...(args.action !== undefined ? { action: args.action } : {}),
    ...(args.flow !== undefined ? { flow: args.flow } : {}),
    ...(args.authping ? { authping: true } : {}),
  });
  const fromFile = args.inputFile
    ? await readObjectArg(args.inputFile, '--input-file', io.cwd, () => io.readStdin())
    : {};
  const options = collectPairs(args.option, '--option');
  const delivery = args.webhook
    ? webhookDelivery(await readObjectArg(args.webhook, '--webhook', io.cwd, () => io.readStdin()))
    : {};
  const inputs = { ...fromFile, ...delivery, ...collectPairs(args.input, '--input') };
  const fields = checkFields(target, flow, options, inputs);
  const textKeys = (kind: 'option' | 'input') =>
    new Set(
      fields
        .filter((f) => f.kind === kind && f.type === 'string' && !f.list)
        .flatMap((f) => [f.key, f.label ?? f.key]),
    );
  keepTextAsTyped(options, args.option, textKeys('option'));
  keepTextAsTyped(inputs, args.input, textKeys('input'));

  const knownKeys = target.spec ? connectionKeys(target.spec).map((k) => k.key) : ['username', 'password'];
  const { connection } = await resolveConnection({
    ...(args.connectionFile !== undefined ? { file: args.connectionFile } : {}),
    env: io.env,
    cwd: io.cwd,
    knownKeys,
    ...(mock
      ? {
          defaults:
            mock.kind === 'twilio' ? await mockConnection() : await placeholderConnection(target.spec),
        }
      : {}),
  });
  if (baseUrl !== undefined && target.spec) requireConnection(target.spec, connection);
  if (baseUrl !== undefined && !target.spec && Object.keys(connection).length === 0) {
    io.stderr.write(
      `${io.paint.yellow('note:')} no connection given; set OKTA_CONNECTOR_CONNECTION or use --connection-file if the flow needs one\n`,
    );
  }

  if (!target.generated) {
    const blocked = await unsupportedIn(target, flow.name);
    if (blocked.length > 0) {
      io.stderr.write(
        `${io.paint.yellow('note:')} "${flow.name}" has cards the simulator cannot run; the run stops if it reaches one: ${blocked.join(', ')}\n`,
      );
    }
  }
  const { result, requests: seen } = await simulateTargetFlow({
    target,
    flow,
    options,
    inputs,
    connection,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(mock ? { mock } : {}),
    ...(args.httpTimeoutMs !== undefined ? { httpTimeoutMs: args.httpTimeoutMs } : {}),
    ...(args.retry ? { retry: { times: args.retry } } : {}),
    ...(recorder ? { wrapTransport: (inner: HttpTransport) => recorder.wrap(inner) } : {}),
  });

  const secretKeys = secretConnectionKeys(target.spec, connection);
  const scrub = (text: string) => scrubSecrets(text, connection, secretKeys);
  if (args.trace) io.stderr.write(scrub(formatTrace(result.trace, io.paint)));
  if (args.traceFile) {
    const head = { target: target.file, flow: flow.name, ok: result.ok };
    await writeTraceFile(resolve(io.cwd, args.traceFile), head, result.trace, scrub);
  }
  const secrets = connectionSecrets(connection, secretKeys);
  if (recorder && cassetteFile !== undefined) {
    await writeFile(resolve(io.cwd, cassetteFile), recorder.yaml(secrets));
    io.stderr.write(`${io.paint.green('recorded')} ${recorder.size} exchange(s) in ${cassetteFile}\n`);
  }
  if (args.saveScenario !== undefined) {
    const { recordScenario } = await import('../../../scenario/record.js');
    const connectionIds = Object.fromEntries(
      Object.entries(connection).filter(([k]) => !secretKeys.includes(k)),
    );
    const file = resolve(io.cwd, args.saveScenario);
    const scrubber = recorder?.scrubber(secrets);
    const cassette =
      scrubber && cassetteFile !== undefined
        ? {
            path: relative(dirname(file), resolve(io.cwd, cassetteFile)).split(sep).join('/'),
            mask: (text: string) => scrubber.text(text),
          }
        : undefined;
    await writeFile(
      file,
      scrub(
        recordScenario({
          flow,
          options,
          inputs,
          result,
          requests: seen,
          connectionIds,
          ...(cassette ? { cassette } : {}),
        }),
      ),
    );
    io.stderr.write(`${io.paint.green('saved')} scenario ${args.saveScenario}\n`);
  }
  if (!result.ok) {
    io.stderr.write(scrub(`${io.paint.red('flow failed:')} ${formatFlowError(result.error)}`));
    return ExitCode.flowFailed;
  }
  const labels = args.labels ? outputLabels(target.flopack, flow.floId) : undefined;
  io.stdout.write(scrub(formatOutputs(result.outputs, labels)));
  if (result.stopped) {
    // A webhook event whose filter dropped the delivery: in Okta no flow starts.
    io.stderr.write(
      `${io.paint.dim('the flow stopped at a Continue If: no Return ran (a filtered webhook delivery starts no flow)')}\n`,
    );
  }
  if (result.cursor) {
    // A polling monitor: what its next run gets as Cursor (pass it back with --input cursor=…).
    io.stderr.write(
      scrub(`${io.paint.dim('cursor for the next run:')} ${JSON.stringify(result.cursor.value)}\n`),
    );
  }
  if (flow.kind === 'authping' && result.outputs.working === false) {
    const service = result.outputs.serviceResponse as { message?: unknown } | undefined;
    io.stderr.write(
      scrub(`${io.paint.red('the connection does not work:')} ${String(service?.message ?? '')}\n`),
    );
    return ExitCode.flowFailed;
  }
  return ExitCode.ok;
}

function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `--base-url must be an absolute http(s) URL such as http://127.0.0.1:4010, got "${raw}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must use http or https, got "${url.protocol}"`);
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new UsageError(
      `--base-url replaces the origin only (scheme, host, port); drop the path "${url.pathname}" — the flows add their own`,
    );
  }
  return url.origin;
}

/** `--webhook`: the delivery as the service posts it, turned into the event flow's inputs as the platform does. */
function webhookDelivery(given: Record<string, unknown>): Record<string, unknown> {
  const known = ['body', 'contentType', 'headers', 'query'];
  const unknown = Object.keys(given).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new UsageError(`--webhook: unknown key(s) ${unknown.join(', ')}; expected ${known.join(', ')}`);
  const texts = (key: string): Record<string, string> | undefined => {
    const v = given[key];
    if (v === undefined) return undefined;
    if (
      typeof v !== 'object' ||
      v === null ||
      Array.isArray(v) ||
      Object.values(v).some((x) => typeof x !== 'string')
    )
      throw new UsageError(`--webhook: ${key} must be an object of text values`);
    return v as Record<string, string>;
  };
  if (given.contentType !== undefined && typeof given.contentType !== 'string')
    throw new UsageError('--webhook: contentType must be text');
  const headers = texts('headers');
  const query = texts('query');
  return deliveryInputs({
    ...(given.body !== undefined ? { body: given.body } : {}),
    ...(typeof given.contentType === 'string' ? { contentType: given.contentType } : {}),
    ...(headers ? { headers } : {}),
    ...(query ? { query } : {}),
  });
}
