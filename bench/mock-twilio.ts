import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CREDENTIALS as C } from '../src/mock/twilio/defaults.js';
import { repoRoot } from './support/spawn.js';
import { median, round } from './support/stats.js';

export interface MockTwilioBenchResult {
  method: string;
  concurrency: number;
  requests: number;
  runs: number;
  /** Medians over `runs`, with min and max. */
  requestsPerSecond: number;
  requestsPerSecondRange: [number, number];
  p50Ms: number;
  p99Ms: number;
  /** The floor: a bare node:http server answering every POST with a 1 KB JSON, same client, alternated. */
  bareRequestsPerSecond: number;
  ratioToBare: number;
  /** Over every run: 201s neither stored nor evicted, stored twice, or stored without a 201. */
  lost: number;
  duplicated: number;
  phantoms: number;
  /** The mock process's memory after N creates with the default message cap. */
  memory: MockMemoryFigure[];
}

export interface MockMemoryFigure {
  creates: number;
  rssMiB: number;
  peakRssMiB: number;
  stored: number;
  evicted: number;
}

/**
 * The load generator, in a worker thread so it and the mock each get a core: `concurrency` keep-alive
 * connections, one request in flight on each, every create with a unique body. It speaks HTTP/1.1 over raw
 * sockets because node:http's own client tops out near 15,000 req/s on this machine, below what it measures.
 * Plain JS so it runs the same under node and vite-node.
 */
const CLIENTS_JS = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { connect } = require('node:net');
const url = new URL(w.url);
const latencies = new Float64Array(w.requests);
const created = [];
let next = 0, done = 0;
const head = 'POST ' + url.pathname + ' HTTP/1.1\\r\\nHost: ' + url.host + '\\r\\nAuthorization: ' + w.auth +
  '\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\nAccept: application/json\\r\\nContent-Length: ';
function connection() {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0), i = -1, t0 = 0;
    const send = () => {
      if (next >= w.requests) { socket.end(); return resolve(); }
      i = next++;
      const form = 'To=%2B14155550100&From=%2B15005550006&Body=bench-' + i;
      t0 = performance.now();
      socket.write(head + form.length + '\\r\\n\\r\\n' + form);
    };
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('close', () => { if (next < w.requests || done < w.requests) reject(new Error('connection closed')); });
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        const end = buf.indexOf('\\r\\n\\r\\n');
        if (end < 0) return;
        const header = buf.toString('latin1', 0, end);
        const m = /\\r\\ncontent-length:\\s*(\\d+)/i.exec(header);
        const total = end + 4 + (m ? Number(m[1]) : 0);
        if (buf.length < total) return;
        const status = Number(header.slice(9, 12));
        buf = buf.subarray(total);
        latencies[done++] = performance.now() - t0;
        if (status === 201) created.push(i);
        send();
      }
    });
  });
}
const started = performance.now();
Promise.all(Array.from({ length: w.concurrency }, connection)).then(() => {
  const seconds = (performance.now() - started) / 1000;
  parentPort.postMessage({ seconds, latencies, created });
}, (e) => parentPort.postMessage({ error: String(e) }));
`;

/** The floor: what node:http alone costs for the same exchange (a body read, a ~1 KB JSON answer). */
const BARE_SERVER_JS = `
const body = JSON.stringify({ sid: 'SM' + '0'.repeat(32), body: 'x'.repeat(900) });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });
`;

interface ClientsResult {
  seconds: number;
  latencies: Float64Array;
  created: number[];
  error?: string;
}

interface Server {
  child: ChildProcess;
  url: string;
}

/** Starts a server process and waits for its "listening on <url>" line. */
function startServer(args: string[]): Promise<Server> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err.slice(0, 500)}`)));
  });
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

async function load(url: string, concurrency: number, requests: number): Promise<ClientsResult> {
  const auth = 'Basic ' + Buffer.from(`${C.apiKeySid}:${C.apiKeySecret}`).toString('base64');
  const worker = new Worker(CLIENTS_JS, { eval: true, workerData: { concurrency, requests, url, auth } });
  const r = await new Promise<ClientsResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (r.error) throw new Error(`load generator failed: ${r.error}`);
  return r;
}

/** VmRSS and VmHWM (peak) of a process, in MiB (Linux /proc; NaN elsewhere). */
function memoryOf(pid: number): { rssMiB: number; peakRssMiB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMiB: round(kib('VmRSS') / 1024, 1), peakRssMiB: round(kib('VmHWM') / 1024, 1) };
  } catch {
    return { rssMiB: NaN, peakRssMiB: NaN };
  }
}

const getJson = async (url: string) => (await fetch(url)).json() as Promise<Record<string, any>>;
const postJson = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

/** Waits until the mock's lifecycle has run out (every message final), then reads its counts. */
async function settledHealth(base: string): Promise<Record<string, any>> {
  await new Promise((r) => setTimeout(r, 300));
  return getJson(`${base}/__mock/health`);
}

/** Requests sent before measuring, so both servers are measured warm (compiled, heap grown), as in real use. */
const WARM_UP = 5_000;

/**
 * One load run against `mock twilio` (the CLI, as a user runs it); every 201 is checked against the store.
 * With `warm`, the measured requests follow WARM_UP ones on the same mock, reset in between.
 */
async function runMock(cli: string, concurrency: number, requests: number, warm: boolean) {
  const server = await startServer([cli, 'mock', 'twilio', '--port', '0', '--quiet']);
  try {
    const url = `${server.url}/2010-04-01/Accounts/${C.accountSid}/Messages.json`;
    if (warm) {
      await load(url, concurrency, WARM_UP);
      await postJson(`${server.url}/__mock/reset`);
    }
    const r = await load(url, concurrency, requests);
    const health = await settledHealth(server.url);
    const memory = memoryOf(server.child.pid!);
    const { messages } = await getJson(`${server.url}/__mock/messages`);
    const created = new Set(r.created);
    const seen = new Set<number>();
    let duplicated = 0;
    let phantoms = 0;
    for (const m of messages as Array<{ body: string }>) {
      const i = Number(m.body.slice('bench-'.length));
      if (seen.has(i)) duplicated += 1;
      else if (!created.has(i)) phantoms += 1;
      seen.add(i);
    }
    // Every 201 is either still stored or was evicted (oldest first) to respect the cap; anything else is lost.
    const evicted = Number(health.evictedMessages ?? 0);
    const lost = Math.max(0, r.created.length - (seen.size - phantoms) - evicted);
    const latencies = Array.from(r.latencies).sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return {
      rps: latencies.length / r.seconds,
      p50: pct(0.5),
      p99: pct(0.99),
      lost,
      duplicated,
      phantoms,
      memory: { creates: requests, ...memory, stored: messages.length as number, evicted },
    };
  } finally {
    await stopServer(server);
  }
}

async function runBare(concurrency: number, requests: number): Promise<number> {
  const server = await startServer(['-e', BARE_SERVER_JS]);
  try {
    await load(`${server.url}/`, concurrency, WARM_UP);
    const r = await load(`${server.url}/`, concurrency, requests);
    return r.latencies.length / r.seconds;
  } finally {
    await stopServer(server);
  }
}

/**
 * Load benchmark (not a test): `runs` pairs of (mock, bare node:http server), alternated so machine noise hits
 * both alike; then the mock's memory after 20,000 and 100,000 creates with the default cap. Each server is its
 * own process; the load generator is a worker thread of this one. `cli` defaults to this repository's build.
 */
export async function benchMockTwilio(
  opts: {
    concurrency?: number;
    requests?: number;
    runs?: number;
    memoryCreates?: number[];
    cli?: string;
  } = {},
): Promise<MockTwilioBenchResult> {
  const { concurrency = 50, requests = 20_000, runs = 5, memoryCreates = [20_000, 100_000, 300_000] } = opts;
  const cli = opts.cli ?? join(repoRoot, 'bin/okta-connector.js');
  const mock: Array<Awaited<ReturnType<typeof runMock>>> = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    mock.push(await runMock(cli, concurrency, requests, true));
    bare.push(await runBare(concurrency, requests));
  }
  const memory: MockMemoryFigure[] = [];
  for (const n of memoryCreates) memory.push((await runMock(cli, concurrency, n, false)).memory);
  const rps = mock.map((m) => m.rps);
  const sum = (k: 'lost' | 'duplicated' | 'phantoms') => mock.reduce((a, m) => a + m[k], 0);
  return {
    method: `${concurrency} keep-alive connections × ${requests} creates after ${WARM_UP} warm-up ones, mock = \`mock twilio --quiet\` process, client = worker thread (raw HTTP/1.1), ${runs} runs alternated with a bare node:http server; memory: a fresh mock, N creates, RSS once its lifecycle settled`,
    concurrency,
    requests,
    runs,
    requestsPerSecond: round(median(rps), 0),
    requestsPerSecondRange: [round(Math.min(...rps), 0), round(Math.max(...rps), 0)],
    p50Ms: round(median(mock.map((m) => m.p50))),
    p99Ms: round(median(mock.map((m) => m.p99))),
    bareRequestsPerSecond: round(median(bare), 0),
    ratioToBare: round(median(rps) / median(bare)),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    phantoms: sum('phantoms'),
    memory,
  };
}
