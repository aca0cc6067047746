import type { Connection } from './connection.js';

/** The embedded mock's seeded API key and account, as the generated flows want their connection. */
export async function mockConnection(): Promise<Connection> {
  const { DEFAULT_CREDENTIALS } = await import('../mock/twilio/defaults.js');
  return {
    username: DEFAULT_CREDENTIALS.apiKeySid,
    password: DEFAULT_CREDENTIALS.apiKeySecret,
    accountSid: DEFAULT_CREDENTIALS.accountSid,
  };
}

export type EmbeddedMock = Awaited<ReturnType<typeof import('../mock/twilio/index.js').startMockTwilio>>;

/** Starts the mock Twilio on a free loopback port (optionally with a seed file). Close it when done. */
export async function startEmbeddedMock(
  opts: { seedFile?: string; lifecycleStepMs?: number } = {},
): Promise<EmbeddedMock> {
  const { startMockTwilio } = await import('../mock/twilio/index.js');
  const { loadTwilioSeed } = await import('../mock/twilio/defaults.js');
  const seed = opts.seedFile ? await loadTwilioSeed(opts.seedFile) : undefined;
  return startMockTwilio({
    host: '127.0.0.1',
    port: 0,
    ...(seed ? { seed } : {}),
    ...(opts.lifecycleStepMs !== undefined ? { lifecycleStepMs: opts.lifecycleStepMs } : {}),
  });
}
