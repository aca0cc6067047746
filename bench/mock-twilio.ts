import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CREDENTIALS as C } from '../src/mock/twilio/defaults.js';
import { startMockTwilio } from '../src/mock/twilio/index.js';

export interface MockTwilioBenchResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  created: number;
  lost: number;
  duplicated: number;
}

/**
 * The load generator: `concurrency` keep-alive clients (node:http) share `requests` creates, each with a unique
 * body. It runs in a worker thread so the mock (main thread) and its clients each get a core, as they would
 * in real use. Plain JS so it runs the same under node and vite-node.
 */
const CLIENTS_JS = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: w.concurrency });
const url = new URL(w.url);
const latencies = new Float64Array(w.requests);
const created = [];
let next = 0, done = 0;
function post(form) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: {
      Authorization: w.auth, 'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': Buffer.byteLength(form), Accept: 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(form);
  });
}
async function client() {
  while (next < w.requests) {
    const i = next++;
    const t0 = performance.now();
    const status = await post('To=%2B14155550100&From=%2B15005550006&Body=bench-' + i);
    latencies[done++] = performance.now() - t0;
    if (status === 201) created.push(i);
  }
}
const started = performance.now();
Promise.all(Array.from({ length: w.concurrency }, client)).then(() => {
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  parentPort.postMessage({ seconds, latencies, created });
}, (e) => parentPort.postMessage({ error: String(e) }));
`;

interface ClientsResult {
  seconds: number;
  latencies: Float64Array;
  created: number[];
  error?: string;
}

/**
 * Load run (not a test): concurrent creates against an in-process mock over loopback, then every 201 is checked
 * against messages(): each body must be stored exactly once.
 */
export async function benchMockTwilio(opts: {
  concurrency: number;
  requests: number;
}): Promise<MockTwilioBenchResult> {
  const mock = await startMockTwilio();
  try {
    const url = `${mock.url}/2010-04-01/Accounts/${C.accountSid}/Messages.json`;
    const auth = 'Basic ' + Buffer.from(`${C.apiKeySid}:${C.apiKeySecret}`).toString('base64');
    const worker = new Worker(CLIENTS_JS, { eval: true, workerData: { ...opts, url, auth } });
    const r = await new Promise<ClientsResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    if (r.error) throw new Error(`load generator failed: ${r.error}`);
    await mock.settle();

    const stored = new Map<string, number>();
    for (const m of mock.messages()) stored.set(m.body, (stored.get(m.body) ?? 0) + 1);
    let lost = 0;
    let duplicated = 0;
    for (const i of r.created) {
      const n = stored.get(`bench-${i}`) ?? 0;
      if (n === 0) lost += 1;
      if (n > 1) duplicated += n - 1;
    }
    // Stored messages no 201 reported are phantoms: count them as duplicates too.
    const total = [...stored.values()].reduce((a, n) => a + n, 0);
    duplicated += Math.max(0, total - (r.created.length - lost) - duplicated);
    const latencies = Array.from(r.latencies).sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return {
      requestsPerSecond: latencies.length / r.seconds,
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      created: r.created.length,
      lost,
      duplicated,
    };
  } finally {
    await mock.close();
  }
}

// `node dist-or-vite-node bench/mock-twilio.ts [concurrency] [requests]` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [c = '50', n = '20000'] = process.argv.slice(2);
  console.log(JSON.stringify(await benchMockTwilio({ concurrency: Number(c), requests: Number(n) })));
}
