import { primaryAuth } from '../spec/auth-types.js';
import { resolve } from 'node:path';
import type { RecordedRequest } from '../mock/http/record.js';
import { UsageError } from '../errors.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { Connection } from './connection.js';
import { mockConnection, startEmbeddedMock } from './embedded-mock.js';
import type { Target } from './target.js';

/**
 * Which mock serves a run without --base-url: the bundled mock Twilio, or a mock of an OpenAPI description. It
 * comes from the command line (`--openapi`, `--mock twilio`) or the spec's `mock`; there is no default, so a
 * connector for another API never runs against Twilio by accident.
 */
export type MockChoice = { kind: 'twilio'; seedFile?: string } | { kind: 'openapi'; description: string };

export interface MockFlags {
  /** `--openapi <description>`, relative to `cwd`. */
  openapi?: string;
  /** `--mock twilio`: for exports, which carry no spec to say so. */
  mock?: string;
  /** `--mock-seed <file>` for the mock Twilio, relative to `cwd`. */
  mockSeed?: string;
}

/** The mock a run uses, or undefined when nothing names one (the caller says what to pass). */
export function chooseMock(target: Target, flags: MockFlags, cwd: string): MockChoice | undefined {
  if (flags.openapi !== undefined && flags.mock !== undefined)
    throw new UsageError('give only one of --openapi and --mock');
  if (flags.mock !== undefined && flags.mock !== 'twilio')
    throw new UsageError(
      `--mock ${flags.mock}: the bundled mock is "twilio"; for any other API use --openapi <description>`,
    );
  const seed = flags.mockSeed !== undefined ? { seedFile: resolve(cwd, flags.mockSeed) } : {};
  if (flags.openapi !== undefined) {
    if (flags.mockSeed !== undefined)
      throw new UsageError('--mock-seed configures the mock Twilio, not --openapi');
    return { kind: 'openapi', description: resolve(cwd, flags.openapi) };
  }
  if (flags.mock === 'twilio') return { kind: 'twilio', ...seed };
  const declared = target.spec?.mock;
  if (declared === 'twilio') return { kind: 'twilio', ...seed };
  if (typeof declared === 'object') {
    if (flags.mockSeed !== undefined)
      throw new UsageError('--mock-seed configures the mock Twilio; this spec declares an OpenAPI mock');
    return { kind: 'openapi', description: resolve(target.specDir ?? cwd, declared.openapi) };
  }
  return undefined;
}

/** Why there is no mock, and what to pass instead: the text of the usage error and of a skipped scenario. */
export function noMockReason(target: Target): string {
  const what = target.spec
    ? `${target.file} declares no mock`
    : `${target.file} is an export with no spec to name a mock`;
  return (
    `${what}, so there is no server to run against. Pass --base-url <url> (a real or staging server), or ` +
    `--openapi <description> (a mock of the API's OpenAPI description)` +
    (target.spec
      ? `, or add \`mock: {openapi: <description>}\` to the spec (\`mock: twilio\` for the bundled mock Twilio)`
      : ', or --mock twilio for the bundled mock Twilio')
  );
}

export interface RunningMock {
  kind: MockChoice['kind'];
  url: string;
  /** Origins of the description's servers, rewritten to `url` as the spec's base URL is. */
  origins: string[];
  /** The connection the mock accepts, used unless the user gives one. */
  connection: Connection;
  /** Requests the mock Twilio saw (its request log; the OpenAPI mock keeps its own). */
  requests(): RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the chosen mock on a free loopback port. */
export async function startOfflineMock(
  choice: MockChoice,
  spec: ConnectorSpec | undefined,
): Promise<RunningMock> {
  if (choice.kind === 'twilio') {
    const mock = await startEmbeddedMock(choice.seedFile ? { seedFile: choice.seedFile } : {});
    return {
      kind: 'twilio',
      url: mock.url,
      origins: [],
      connection: await mockConnection(),
      requests: () => mock.requests(),
      close: () => mock.close(),
    };
  }
  const { startOpenApiMock } = await import('../mock/openapi/index.js');
  const mock = await startOpenApiMock({ file: choice.description, host: '127.0.0.1', port: 0 });
  return {
    kind: 'openapi',
    url: mock.url,
    origins: mock.origins,
    connection: await placeholderConnection(spec),
    requests: () => [],
    close: () => mock.close(),
  };
}

/**
 * A connection for a mock that checks only that credentials are present: fixed, obviously fake secrets, and for
 * each connection parameter a value that fits its pattern or its first dropdown value.
 */
export async function placeholderConnection(spec: ConnectorSpec | undefined): Promise<Connection> {
  const connection: Connection = {};
  if (!spec) return connection;
  // The first method's credentials (a connection without a Selected Auth uses it).
  const auth = primaryAuth(spec);
  if (auth.type === 'basic') Object.assign(connection, { username: 'mock-user', password: 'mock-password' });
  if (auth.type === 'oauth2') connection.access_token = 'mock-access-token';
  for (const p of spec.connectionParameters ?? []) {
    if (p.values?.length) connection[p.key] = p.values[0]!.value;
    else if (p.pattern) connection[p.key] = await matchingValue(p.pattern, p.key);
    else connection[p.key] = p.type === 'password' ? 'mock-secret' : `mock-${p.key}`;
  }
  return connection;
}

async function matchingValue(pattern: string, key: string): Promise<string> {
  const [{ SampleGenerator }, { seededRandom }] = await Promise.all([
    import('../mock/openapi/generate.js'),
    import('../mock/openapi/random.js'),
  ]);
  const generator = new SampleGenerator({
    openapi: '3.0.3',
    info: { title: 'connection', version: '1' },
    paths: {},
  } as never);
  return String(generator.generate({ type: 'string', pattern }, seededRandom('connection', key), 'request'));
}
