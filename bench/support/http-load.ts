import { Agent, request } from 'node:http';

/** One request of a load run or a verdict corpus. */
export interface LoadRequest {
  method: string;
  /** Path and query, e.g. `/2010-04-01/Accounts/AC…/Messages.json?PageSize=20`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadRun {
  seconds: number;
  requestsPerSecond: number;
  /** Milliseconds, sorted. */
  latencies: number[];
  /** How many answers had each status. */
  statuses: Record<string, number>;
}

/**
 * `concurrency` keep-alive clients share `requests` requests (request i is `make(i)`), each sending its next one
 * as soon as the last is answered: closed-loop load, as the Twilio mock's bench applies it.
 */
export async function runLoad(opts: {
  origin: string;
  concurrency: number;
  requests: number;
  make: (i: number) => LoadRequest;
}): Promise<LoadRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const client = async () => {
    while (next < opts.requests) {
      const i = next++;
      const t0 = performance.now();
      const { status } = await send(opts.origin, opts.make(i), agent);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, client));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, requestsPerSecond: latencies.length / seconds, latencies, statuses };
}

/** Sends one request and reads the whole answer. */
export function send(
  origin: string,
  r: LoadRequest,
  agent?: Agent,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...r.headers };
    if (r.body !== undefined) headers['Content-Length'] = Buffer.byteLength(r.body);
    const req = request(new URL(r.path, origin), { method: r.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}
