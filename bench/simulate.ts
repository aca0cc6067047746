import { spawn } from 'node:child_process';
import { request, Agent } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateConnector } from '../src/generate/index.js';
import { DEFAULT_CREDENTIALS } from '../src/mock/twilio/defaults.js';
import { startMockTwilio } from '../src/mock/twilio/index.js';
import { runFlow } from '../src/simulate/index.js';
import { createHttpTransport } from '../src/simulate/transport.js';
import type { ConnectorSpec } from '../src/spec/types.js';
import { repoRoot } from './support/spawn.js';
import { median, round } from './support/stats.js';

export interface SimulateResult {
  iterations: number;
  actionsPerSecond: number;
  /** Without trace collection (what `simulate` does without --trace). */
  simulatedMs: number;
  /** With the card-by-card trace collected (`simulate --trace`). */
  tracedMs: number;
  rawRequestMs: number;
  overheadRatio: number;
  tracedOverheadRatio: number;
  /** The same, with the mock Twilio in its own process (`okta-connector mock twilio`), as a user runs it. */
  ownProcess?: Omit<SimulateResult, 'ownProcess' | 'iterations' | 'actionsPerSecond'>;
}

/** Starts `okta-connector mock twilio` as its own process and resolves with its URL and a stop function. */
async function mockProcess(): Promise<{
  url: string;
  reset: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/okta-connector.js'), 'mock', 'twilio', '--port', '0', '--quiet'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`mock twilio exited with ${code}`)));
  });
  child.stdout.resume();
  return {
    url,
    reset: async () => {
      await fetch(`${url}/__mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** POSTs the same form body the Send Message flow sends, straight to the mock: the floor for one action. */
function rawCreate(agent: Agent, url: string, form: string, auth: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: auth,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          'Content-Length': Buffer.byteLength(form),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (res.statusCode !== 201) reject(new Error(`raw create answered ${res.statusCode}`));
          else resolve();
        });
      },
    );
    req.on('error', reject);
    req.end(form);
  });
}

/**
 * In-process `simulate` of Send Message (the generated flopack, card by card) side by side with a direct HTTP request
 * to the same endpoint, in alternating blocks so machine noise hits both: once against the mock in this process,
 * once against the mock in its own process (so the mock's work no longer counts against the simulator).
 */
export async function benchSimulate(iterations = 400): Promise<SimulateResult> {
  const embedded = await startMockTwilio({ port: 0 });
  const inProcess = await measure(
    iterations,
    embedded.url,
    async () => embedded.reset(),
    () => embedded.close(),
  );
  const own = await mockProcess();
  const ownProcess = await measure(iterations, own.url, own.reset, own.close);
  return {
    iterations,
    actionsPerSecond: round(1000 / inProcess.simulatedMs, 1),
    ...inProcess,
    ownProcess,
  };
}

async function measure(
  iterations: number,
  mockUrl: string,
  reset: () => Promise<void>,
  close: () => Promise<void>,
): Promise<NonNullable<SimulateResult['ownProcess']>> {
  const spec = parse(
    readFileSync(join(repoRoot, 'connectors/twilio/connector.yaml'), 'utf8'),
  ) as ConnectorSpec;
  const { flopack } = generateConnector(spec);
  const c = DEFAULT_CREDENTIALS;
  const transport = createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: mockUrl }] });
  const inputs = {
    auth: { username: c.apiKeySid, password: c.apiKeySecret, accountSid: c.accountSid },
    from: '+15005550006',
    to: '+14155550100',
    body: 'benchmark',
  };
  const agent = new Agent({ keepAlive: true });
  const url = `${mockUrl}/2010-04-01/Accounts/${c.accountSid}/Messages.json`;
  const auth = 'Basic ' + Buffer.from(`${c.apiKeySid}:${c.apiKeySecret}`).toString('base64');
  const form = new URLSearchParams({ To: inputs.to, From: inputs.from, Body: inputs.body }).toString();
  const simulated: number[] = [];
  const traced: number[] = [];
  const raw: number[] = [];
  const time = async (into: number[], run: () => Promise<void>) => {
    const t = process.hrtime.bigint();
    await run();
    into.push(Number(process.hrtime.bigint() - t) / 1e6);
  };
  const simulateOnce = (collectTrace: boolean) => async () => {
    const result = await runFlow(flopack, 'Send Message', inputs, { transport, collectTrace });
    if (!result.ok) throw new Error(`simulated Send Message failed: ${result.error.message}`);
  };
  try {
    // Warm up both paths (JIT, connection pools) before measuring.
    for (let i = 0; i < 30; i++) {
      await runFlow(flopack, 'Send Message', inputs, { transport });
      await rawCreate(agent, url, form, auth);
    }
    const block = 20;
    for (let done = 0; done < iterations; done += block) {
      for (let i = 0; i < block; i++) await time(simulated, simulateOnce(false));
      for (let i = 0; i < block; i++) await time(traced, simulateOnce(true));
      for (let i = 0; i < block; i++) await time(raw, () => rawCreate(agent, url, form, auth));
      await reset();
    }
  } finally {
    agent.destroy();
    await close();
  }
  const simulatedMs = median(simulated);
  const tracedMs = median(traced);
  const rawRequestMs = median(raw);
  return {
    simulatedMs: round(simulatedMs, 3),
    tracedMs: round(tracedMs, 3),
    rawRequestMs: round(rawRequestMs, 3),
    overheadRatio: round(simulatedMs / rawRequestMs),
    tracedOverheadRatio: round(tracedMs / rawRequestMs),
  };
}
