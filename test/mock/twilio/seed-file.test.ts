import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticsError } from '../../../src/errors.js';
import {
  DEFAULT_CREDENTIALS as C,
  DEFAULT_TWILIO_SEED,
  loadTwilioSeed,
} from '../../../src/mock/twilio/defaults.js';
import { parseSeedTime } from '../../../src/mock/twilio/seed-time.js';
import { startMockTwilio } from '../../../src/mock/twilio/index.js';

const dir = mkdtempSync(join(tmpdir(), 'mock-seed-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const A = 'AC' + 'a'.repeat(32);

describe('loadTwilioSeed', () => {
  it('reads YAML; the file replaces the defaults', async () => {
    const seed = await loadTwilioSeed(
      file(
        'ok.yaml',
        `accounts:\n  - sid: ${A}\n    authToken: t\n    phoneNumbers: ['+15017122661']\n    sandboxParticipants:\n      - { number: '+14155550100', joinedAt: -3h }\n`,
      ),
    );
    expect(seed.accounts.map((a) => a.sid)).toEqual([A]);
  });

  it('includeDefaults: true adds to the default account (JSON works too)', async () => {
    const seed = await loadTwilioSeed(
      file('add.json', JSON.stringify({ includeDefaults: true, accounts: [{ sid: A, authToken: 't' }] })),
    );
    expect(seed.accounts.map((a) => a.sid)).toEqual([C.accountSid, A]);
  });

  it('reports every problem with file, line and column', async () => {
    const p = file(
      'bad.yaml',
      `accounts:\n  - sid: AC123\n    authToken: ''\n    phoneNumbers: ['555']\n    color: red\n`,
    );
    const error = await loadTwilioSeed(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiagnosticsError);
    const diags = (error as DiagnosticsError).diagnostics;
    expect(diags.map((d) => [d.line, d.column, d.code])).toEqual([
      [5, 12, 'OC-MOCK-SEED'], // the locator points at the unknown key's value
      [2, 10, 'OC-MOCK-SEED'],
      [3, 16, 'OC-MOCK-SEED'],
      [4, 20, 'OC-MOCK-SEED'],
    ]);
    expect(diags[1]!.message).toMatch(/"AC" followed by 32 hex digits/);
    expect(diags.every((d) => d.file === p)).toBe(true);
  });

  it('maxMessages and maxLoggedRequests bound the mock; bad values are located', async () => {
    const seed = await loadTwilioSeed(
      file(
        'limits.yaml',
        `maxMessages: 3\nmaxLoggedRequests: 0\naccounts:\n  - sid: ${A}\n    authToken: t\n`,
      ),
    );
    expect(seed).toMatchObject({ maxMessages: 3, maxLoggedRequests: 0 });
    const mock = await startMockTwilio({ seed });
    try {
      expect(mock.stats()).toMatchObject({ maxMessages: 3, maxLoggedRequests: 0 });
    } finally {
      await mock.close();
    }
    const overridden = await startMockTwilio({ seed, maxMessages: 7 });
    expect(overridden.stats().maxMessages).toBe(7);
    await overridden.close();
    const bad = (await loadTwilioSeed(
      file('bad-limits.yaml', `maxMessages: 0\nmaxLoggedRequests: lots\naccounts: []\n`),
    ).catch((e: unknown) => e)) as DiagnosticsError;
    expect(bad.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'maxMessages must be a whole number ≥ 1, e.g. 10000'],
      [2, 'maxLoggedRequests must be a whole number ≥ 0, e.g. 10000'],
    ]);
  });

  it('a YAML syntax error keeps its position', async () => {
    const error = (await loadTwilioSeed(file('syntax.yaml', 'accounts: [\n')).catch(
      (e: unknown) => e,
    )) as DiagnosticsError;
    expect(error.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it('relative and absolute seed times', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    expect(parseSeedTime('-2h', now)?.toISOString()).toBe('2026-01-09T22:00:00.000Z');
    expect(parseSeedTime('-3d', now)?.toISOString()).toBe('2026-01-07T00:00:00.000Z');
    expect(parseSeedTime('now', now)).toBe(now);
    expect(parseSeedTime('2026-01-01T00:00:00Z', now)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseSeedTime('2h', now)).toBeUndefined();
    expect(parseSeedTime('yesterday', now)).toBeUndefined();
  });

  it('a seeded account works end to end, and the default seed has what newcomers need', async () => {
    const seed = await loadTwilioSeed(
      file('e2e.yaml', `accounts:\n  - sid: ${A}\n    authToken: tok\n    phoneNumbers: ['+15017122661']\n`),
    );
    const mock = await startMockTwilio({ seed });
    try {
      const r = await fetch(`${mock.url}/2010-04-01/Accounts/${A}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${A}:tok`).toString('base64'),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'To=%2B14155550100&From=%2B15017122661&Body=hi',
      });
      expect(r.status).toBe(201);
    } finally {
      await mock.close();
    }
    const d = DEFAULT_TWILIO_SEED.accounts[0]!;
    expect(d.trial).toBe(false);
    expect(d.phoneNumbers).toContain('+15005550006');
    expect(d.messagingServices?.[0]?.sid).toMatch(/^MG[0-9a-f]{32}$/);
    expect(d.sandboxParticipants?.[0]).toEqual({ number: '+14155550100', joinedAt: '-1h' });
  });
});
