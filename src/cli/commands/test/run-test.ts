import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Io } from '../../io.js';
import { ExitCode } from '../../exit-codes.js';
import { UsageError, UserError } from '../../../errors.js';
import { loadTarget } from '../../../run/target.js';
import { didYouMeanSuffix } from '../../../util/did-you-mean.js';
import { packagePath } from '../../../util/paths.js';
import { formatHumanReport } from '../../../scenario/reporters/human.js';
import { formatJsonReport } from '../../../scenario/reporters/json.js';
import { formatJunitReport } from '../../../scenario/reporters/junit.js';
import { scaffoldScenario, scenarioFileName } from '../../../scenario/scaffold.js';
import { runSuite, scenarioFiles, type SuiteOptions } from '../../../scenario/suite.js';
import { makeFolders } from '../../../util/make-folders.js';

export type TestFormat = 'human' | 'json' | 'junit';
export const TEST_FORMATS: readonly TestFormat[] = ['human', 'json', 'junit'];

const SPEC_NAMES = ['connector.yaml', 'connector.yml', 'connector.json'];

/**
 * The connector folder a `test` argument names: a folder (or its connector.yaml), the current folder when none is
 * given, or a bare name found under ./connectors/ or among the bundled connectors.
 */
export function resolveConnectorDir(arg: string | undefined, cwd: string): { dir: string; spec: string } {
  const candidates: string[] = [];
  if (arg === undefined) candidates.push(cwd);
  else {
    const full = resolve(cwd, arg);
    candidates.push(existsSync(full) && statSync(full).isFile() ? dirname(full) : full);
    if (/^[a-z0-9_-]+$/i.test(arg))
      candidates.push(resolve(cwd, 'connectors', arg), packagePath(`connectors/${arg}`));
  }
  for (const dir of candidates) {
    const spec = SPEC_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
    if (spec) return { dir, spec };
  }
  throw new UsageError(
    arg === undefined
      ? `no connector.yaml in ${cwd}; run inside a connector folder or give one: okta-connector test connectors/<name>`
      : `no connector.yaml found for "${arg}" (looked in ${[...new Set(candidates.map((c) => show(c, cwd)))].join(', ')})`,
  );
}

export async function testCli(
  args: {
    connector?: string;
    format: TestFormat;
    filter?: string;
    sleep?: SuiteOptions['sleep'];
    /** Run against this server instead of the embedded mock. */
    baseUrl?: string;
    connectionFile?: string;
    /** Run against a mock of this OpenAPI description instead of the spec's `mock`. */
    openapi?: string;
  },
  io: Io,
): Promise<number> {
  const { dir, spec } = resolveConnectorDir(args.connector, io.cwd);
  if ((await scenarioFiles(dir)).length === 0) {
    throw new UserError(
      `${show(join(dir, 'tests'), io.cwd)} holds no scenario files; create one with \`okta-connector test init\``,
    );
  }
  const target = await loadTarget(spec, io.cwd);
  if (args.baseUrl !== undefined && args.openapi !== undefined)
    throw new UsageError('--openapi runs against a mock; it cannot be combined with --base-url');
  const remote =
    args.baseUrl === undefined
      ? undefined
      : await remoteServer(args.baseUrl, args.connectionFile, target, io);
  const suite = await runSuite(target, dir, {
    cwd: io.cwd,
    ...(remote ? { remote } : {}),
    ...(args.openapi !== undefined ? { openapi: resolve(io.cwd, args.openapi) } : {}),
    ...(args.filter !== undefined ? { filter: args.filter } : {}),
    ...(args.sleep ? { sleep: args.sleep } : {}),
  });
  if (suite.results.length === 0) throw new UsageError(`no scenario matches --filter "${args.filter ?? ''}"`);
  const text =
    args.format === 'json'
      ? formatJsonReport(suite)
      : args.format === 'junit'
        ? formatJunitReport(suite)
        : formatHumanReport(suite, io.paint);
  io.stdout.write(text);
  return suite.failed > 0 ? ExitCode.invalid : ExitCode.ok;
}

/**
 * `--base-url`: the server every scenario talks to instead of the mock, and the connection for it from
 * --connection-file or the environment (never from arguments). Scenarios may still bring their own `connection`.
 */
async function remoteServer(
  baseUrl: string,
  connectionFile: string | undefined,
  target: Awaited<ReturnType<typeof loadTarget>>,
  io: Io,
): Promise<{ url: string; connection?: Record<string, string> }> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(
      `--base-url must be an absolute http(s) URL such as http://127.0.0.1:4010; found "${baseUrl}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url must use http or https; found "${url.protocol}"`);
  }
  const { resolveConnection, connectionKeys } = await import('../../../run/connection.js');
  const knownKeys = target.spec ? connectionKeys(target.spec).map((k) => k.key) : [];
  const { connection, sources } = await resolveConnection({
    ...(connectionFile !== undefined ? { file: connectionFile } : {}),
    env: io.env,
    cwd: io.cwd,
    knownKeys,
  });
  return { url: url.origin, ...(sources.length > 0 ? { connection } : {}) };
}

/** `test init`: writes tests/<action>.yaml for one action of the connector (refuses to overwrite without --force). */
export async function testInitCli(
  args: { connector?: string; action?: string; force?: boolean },
  io: Io,
): Promise<number> {
  const { dir, spec: specFile } = resolveConnectorDir(args.connector, io.cwd);
  const { loadValidSpec } = await import('../../../spec/validate.js');
  const { spec } = await loadValidSpec(specFile, show(specFile, io.cwd));
  const names = spec.actions.map((a) => a.name);
  const action =
    args.action === undefined ? spec.actions[0] : spec.actions.find((a) => a.name === args.action);
  if (!action) {
    throw new UsageError(
      `unknown action "${args.action ?? ''}"${didYouMeanSuffix(args.action ?? '', names)}; actions: ${names.map((n) => `"${n}"`).join(', ')}`,
    );
  }
  const file = join(dir, 'tests', scenarioFileName(action.name));
  if (existsSync(file) && !args.force) {
    throw new UserError(`${show(file, io.cwd)} already exists; pass --force to overwrite it`);
  }
  makeFolders(dirname(file));
  await writeFile(file, scaffoldScenario(spec, action));
  io.stdout.write(
    `created ${show(file, io.cwd)}: fill in the TODO values, then run \`okta-connector test ${show(dir, io.cwd)}\`\n`,
  );
  return ExitCode.ok;
}

function show(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
