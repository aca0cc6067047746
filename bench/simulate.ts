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
 * In-process `simulate` of Send Message (the generated flopack, card by card) against the embedded mock, side by side
 * with a direct HTTP request to the same endpoint; alternating blocks so machine noise hits both.
 */
export async function benchSimulate(iterations = 400): Promise<SimulateResult> {
  const spec = parse(
    readFileSync(join(repoRoot, 'connectors/twilio/connector.yaml'), 'utf8'),
  ) as ConnectorSpec;
  const { flopack } = generateConnector(spec);
  const mock = await startMockTwilio({ port: 0 });
  const c = DEFAULT_CREDENTIALS;
  const transport = createHttpTransport({ rewrite: [{ from: 'https://api.twilio.com', to: mock.url }] });
  const inputs = {
    auth: { username: c.apiKeySid, password: c.apiKeySecret, accountSid: c.accountSid },
    from: '+15005550006',
    to: '+14155550100',
    body: 'benchmark',
  };
  const agent = new Agent({ keepAlive: true });
  const url = `${mock.url}/2010-04-01/Accounts/${c.accountSid}/Messages.json`;
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
      mock.reset();
    }
  } finally {
    agent.destroy();
    await mock.close();
  }
  const simulatedMs = median(simulated);
  const tracedMs = median(traced);
  const rawRequestMs = median(raw);
  return {
    iterations,
    actionsPerSecond: round(1000 / simulatedMs, 1),
    simulatedMs: round(simulatedMs, 3),
    tracedMs: round(tracedMs, 3),
    rawRequestMs: round(rawRequestMs, 3),
    overheadRatio: round(simulatedMs / rawRequestMs),
    tracedOverheadRatio: round(tracedMs / rawRequestMs),
  };
}
