import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runLoad, send, type LoadRequest, type LoadRun } from './support/http-load.js';
import { repoRoot } from './support/spawn.js';
import { median, round } from './support/stats.js';

/**
 * The newest Prism whose `engines` allow Node 20 (5.15 and later want Node ≥ 24). Installed by the bench into a
 * temporary folder, never a dependency of the project.
 */
export const PRISM_VERSION = '5.14.2';

const DESCRIPTION = join(repoRoot, 'test/fixtures/openapi/twilio/twilio_api_v2010.json');
const ACCOUNT = '/2010-04-01/Accounts/AC11111111111111111111111111111111';
const BASIC = 'Basic ' + Buffer.from('SK11111111111111111111111111111111:secret').toString('base64');
const SID = 'SM0123456789abcdef0123456789abcdef';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export interface LoadFigures {
  /** Median over the runs. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Status counts of the last run: every answer of the load is expected to be 2xx. */
  statuses: Record<string, number>;
  runs: number;
  requestsPerRun: number;
}

export interface VerdictCheck {
  total: number;
  agree: number;
  /** Every request the two answered with a different status class; `known` says why, when we know. */
  disagreements: Array<{ request: string; ours: number; prism: number; known?: string }>;
}

export interface MockOpenApiBenchResult {
  description: string;
  concurrency: number;
  ours: LoadFigures;
  prism?: LoadFigures & { version: string };
  /** ours / Prism, requests per second. */
  ratio?: number;
  verdicts?: VerdictCheck;
  /** Why Prism was not measured, when it was not. */
  skipped?: string;
}

/** The load: valid creates (each with its own body), reads of one message, and pages of the list, in turn. */
function loadRequest(i: number): LoadRequest {
  const auth = { Authorization: BASIC, Accept: 'application/json' };
  switch (i % 3) {
    case 0:
      return {
        method: 'POST',
        path: `${ACCOUNT}/Messages.json`,
        headers: { ...auth, ...FORM },
        body: `To=%2B14155550100&From=%2B15005550006&Body=bench-${i}`,
      };
    case 1:
      return { method: 'GET', path: `${ACCOUNT}/Messages/${SID}.json`, headers: auth };
    default:
      return { method: 'GET', path: `${ACCOUNT}/Messages.json?PageSize=20`, headers: auth };
  }
}

/** Good and bad requests; both mocks must give each the same class of answer (2xx, 4xx, 5xx). */
export const VERDICT_CORPUS: Array<{ name: string; prismDiffers?: string } & LoadRequest> = (() => {
  const auth = { Authorization: BASIC };
  const create = (body: string, headers: Record<string, string> = { ...auth, ...FORM }) => ({
    method: 'POST',
    path: `${ACCOUNT}/Messages.json`,
    headers,
    body,
  });
  const get = (path: string, headers: Record<string, string> = auth) => ({ method: 'GET', path, headers });
  return [
    { name: 'create', ...create('To=%2B14155550100&From=%2B15005550006&Body=hi') },
    {
      name: 'create via a Messaging Service',
      ...create('To=%2B14155550100&MessagingServiceSid=MG11111111111111111111111111111111&Body=hi'),
    },
    {
      name: 'create with typed fields',
      ...create(
        'To=%2B1&Body=x&ValidityPeriod=60&ProvideFeedback=true&MaxPrice=0.5&StatusCallback=https%3A%2F%2Fexample.com%2Fcb',
      ),
    },
    {
      name: 'create with an array field (PersistentAction, repeated)',
      ...create('To=%2B1&PersistentAction=a&PersistentAction=b'),
      prismDiffers:
        "Prism reads a repeated form key as one text value and refuses it (422 'must be array'); OpenAPI's " +
        'default form style (explode) sends an array as repeated keys, as Twilio clients do',
    },
    {
      name: 'create with an empty body',
      method: 'POST',
      path: `${ACCOUNT}/Messages.json`,
      headers: auth,
      prismDiffers:
        'Prism lets an absent body through because requestBody is not marked required; an empty form is a ' +
        'form without its required To, which Twilio refuses (21604), and so does the mock',
    },
    { name: 'list', ...get(`${ACCOUNT}/Messages.json`) },
    { name: 'list, PageSize 1000', ...get(`${ACCOUNT}/Messages.json?PageSize=1000&Page=2`) },
    { name: 'fetch', ...get(`${ACCOUNT}/Messages/${SID}.json`) },
    {
      name: 'update',
      method: 'POST',
      path: `${ACCOUNT}/Messages/${SID}.json`,
      headers: { ...auth, ...FORM },
      body: 'Body=',
    },
    { name: 'delete', method: 'DELETE', path: `${ACCOUNT}/Messages/${SID}.json`, headers: auth },
    { name: 'create without To', ...create('From=%2B15005550006&Body=hi') },
    {
      name: 'create as JSON',
      ...create('{"To":"+14155550100"}', { ...auth, 'Content-Type': 'application/json' }),
    },
    { name: 'create without credentials', ...create('To=%2B14155550100', FORM) },
    { name: 'list with a bearer token', ...get(`${ACCOUNT}/Messages.json`, { Authorization: 'Bearer x' }) },
    { name: 'list, PageSize 1001', ...get(`${ACCOUNT}/Messages.json?PageSize=1001`) },
    { name: 'list, PageSize 0', ...get(`${ACCOUNT}/Messages.json?PageSize=0`) },
    { name: 'list, PageSize not a number', ...get(`${ACCOUNT}/Messages.json?PageSize=ten`) },
    {
      name: 'list, DateSent as YYYY-MM-DD (typed date-time)',
      ...get(`${ACCOUNT}/Messages.json?DateSent=2024-05-01`),
    },
    { name: 'an AccountSid off its pattern', ...get('/2010-04-01/Accounts/AC123/Messages.json') },
    { name: 'a Sid off its pattern', ...get(`${ACCOUNT}/Messages/nope.json`) },
    { name: 'create, StatusCallback not a URI', ...create('To=%2B1&StatusCallback=not%20a%20uri') },
    { name: 'create, ValidityPeriod not an integer', ...create('To=%2B1&ValidityPeriod=1.5') },
    { name: 'create, an unknown TrafficType', ...create('To=%2B1&TrafficType=bulk') },
    { name: 'an unknown path', ...get(`${ACCOUNT}/Nope.json`) },
    { name: 'the wrong method', method: 'PUT', path: `${ACCOUNT}/Messages.json`, headers: auth },
  ];
})();

/**
 * Load run (not a test): the OpenAPI mock and Prism serve Twilio's description, each as its own process (as a
 * user runs them: `okta-connector mock openapi --quiet`, `prism mock -v error`), and take the same closed-loop
 * load, alternated run by run; then the verdict corpus goes to both and every disagreement is listed. The
 * OpenAPI mock runs without the project's override file here, so both read the description as it is.
 */
export async function benchMockOpenApi(opts: {
  concurrency: number;
  requests: number;
  prismRequests: number;
  runs: number;
}): Promise<MockOpenApiBenchResult> {
  const result: MockOpenApiBenchResult = {
    description: 'test/fixtures/openapi/twilio/twilio_api_v2010.json',
    concurrency: opts.concurrency,
    ours: undefined as unknown as LoadFigures,
  };
  const ours = await startServer(process.execPath, [
    join(repoRoot, 'bin/okta-connector.js'),
    'mock',
    'openapi',
    DESCRIPTION,
    '--quiet',
    '--no-bundled-overrides',
    '--port',
  ]);
  let prism: Server | undefined;
  try {
    const prismBin = installPrism();
    if (typeof prismBin === 'string') {
      prism = await startServer(prismBin, ['mock', '-h', '127.0.0.1', '-v', 'error', DESCRIPTION, '-p']);
    } else result.skipped = prismBin.skipped;

    const oursRuns: LoadRun[] = [];
    const prismRuns: LoadRun[] = [];
    const load = (origin: string, requests: number) =>
      runLoad({ origin, concurrency: opts.concurrency, requests, make: loadRequest });
    await load(ours.origin, 600); // warm-up: validators compile on an operation's first request
    if (prism) await load(prism.origin, 300);
    for (let run = 0; run < opts.runs; run++) {
      oursRuns.push(await load(ours.origin, opts.requests));
      if (prism) prismRuns.push(await load(prism.origin, opts.prismRequests));
    }
    result.ours = figures(oursRuns, opts.requests);
    if (prism) {
      result.prism = { ...figures(prismRuns, opts.prismRequests), version: PRISM_VERSION };
      result.ratio = round(result.ours.requestsPerSecond / result.prism.requestsPerSecond, 1);
      result.verdicts = await compareVerdicts(ours.origin, prism.origin);
    }
    return result;
  } finally {
    ours.stop();
    prism?.stop();
  }
}

function figures(runs: LoadRun[], requestsPerRun: number): LoadFigures {
  const pick = (run: LoadRun, p: number) =>
    run.latencies[Math.min(run.latencies.length - 1, Math.floor(run.latencies.length * p))] ?? 0;
  return {
    requestsPerSecond: round(median(runs.map((r) => r.requestsPerSecond)), 0),
    p50Ms: round(median(runs.map((r) => pick(r, 0.5)))),
    p99Ms: round(median(runs.map((r) => pick(r, 0.99)))),
    statuses: runs[runs.length - 1]?.statuses ?? {},
    runs: runs.length,
    requestsPerRun,
  };
}

async function compareVerdicts(ours: string, prism: string): Promise<VerdictCheck> {
  const disagreements: VerdictCheck['disagreements'] = [];
  for (const r of VERDICT_CORPUS) {
    const [a, b] = [await send(ours, r), await send(prism, r)];
    if (Math.floor(a.status / 100) !== Math.floor(b.status / 100)) {
      disagreements.push({
        request: `${r.name}: ${r.method} ${r.path}`,
        ours: a.status,
        prism: b.status,
        ...(r.prismDiffers ? { known: r.prismDiffers } : {}),
      });
    }
  }
  return { total: VERDICT_CORPUS.length, agree: VERDICT_CORPUS.length - disagreements.length, disagreements };
}

/** Prism's CLI from a folder in the system's temporary directory, installed there on first use. */
function installPrism(): string | { skipped: string } {
  const dir = join(tmpdir(), 'okta-connector-bench', `prism-${PRISM_VERSION}`);
  const bin = join(dir, 'node_modules', '.bin', 'prism');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  process.stderr.write(
    `installing @stoplight/prism-cli@${PRISM_VERSION} into ${dir} (not a project dependency)\n`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      dir,
      `@stoplight/prism-cli@${PRISM_VERSION}`,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (r.status !== 0 || !existsSync(bin))
    return { skipped: `could not install Prism: ${(r.stderr ?? '').trim().split('\n')[0]}` };
  return bin;
}

interface Server {
  origin: string;
  stop(): void;
}

/** Starts a server process on a free loopback port (the port is the last argument) and waits until it answers. */
async function startServer(command: string, args: string[]): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(command, [...args, String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${command} exited ${child.exitCode}: ${stderr.slice(0, 500)}`);
    try {
      await send(origin, { method: 'GET', path: '/' });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`${command} did not start listening within 120 s`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { origin, stop: () => void child.kill('SIGINT') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// `vite-node bench/mock-openapi.ts [concurrency] [requests] [prismRequests] [runs]` runs it alone (after `npm run build`).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [c = '50', n = '20000', p = '3000', runs = '3'] = process.argv.slice(2);
  const r = await benchMockOpenApi({
    concurrency: Number(c),
    requests: Number(n),
    prismRequests: Number(p),
    runs: Number(runs),
  });
  console.log(JSON.stringify(r, null, 2));
}
