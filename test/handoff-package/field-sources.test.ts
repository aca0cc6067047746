import { describe, expect, it } from 'vitest';
import { isCredentialName, REDACTED } from '../../src/handoff-package/credentials.js';
import { staticValue, type FieldSource } from '../../src/handoff-package/field-sources.js';

/** staticValue as it was before objects without credentials were shown as they are: every object copied, redacted. */
function staticValueBefore(key: string, data: unknown, label?: string): FieldSource {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isCredentialName(k) && v !== '' ? REDACTED : redact(v)]),
    );
  };
  if (data === null || data === undefined || data === '') return { how: 'empty' };
  if (typeof data === 'object' && Object.keys(data).length === 0) return { how: 'empty' };
  if (isCredentialName(key) || (label !== undefined && isCredentialName(label)))
    return { how: 'value', value: REDACTED };
  if (typeof data === 'string') return { how: 'value', value: data };
  return { how: 'value', value: JSON.stringify(redact(data)) };
}

/** A small seeded generator, so a failure names a value that can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return (seed >>> 0) / 2 ** 32;
  };
}

// Plain keys, credential-like keys (as headers and bodies have them), and keys JSON and objects treat specially.
const KEYS = [
  'Accept',
  'Content-Type',
  'Authorization',
  'api_key',
  'token',
  'maxTokens',
  '0',
  '10',
  '__proto__',
  'x',
];
const SCALARS = ['', 'Bearer x', 'caf\u00e9', 0, 1.5, true, false, null, undefined];

function randomJson(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = depth > 3 ? 0 : Math.floor(next() * 3);
  if (kind === 0) return pick(SCALARS);
  if (kind === 1) return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
  const object: Record<string, unknown> = {};
  const count = Math.floor(next() * 5);
  for (let i = 0; i < count; i++)
    Object.defineProperty(object, pick(KEYS), {
      value: randomJson(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
}

describe('staticValue', () => {
  it('shows a static value as the copy-and-redact of every object did (random JSON values and keys)', () => {
    const next = random(29);
    for (let n = 0; n < 5_000; n++) {
      const data = randomJson(next, 0);
      const key = KEYS[Math.floor(next() * KEYS.length)]!;
      expect(staticValue(key, data), JSON.stringify(data)).toEqual(staticValueBefore(key, data));
    }
  });

  it('redacts credential-named keys at any depth, and leaves other objects as they are', () => {
    expect(staticValue('headers', { Accept: 'x', nested: [{ Authorization: 'Basic y' }] })).toEqual({
      how: 'value',
      value: `{"Accept":"x","nested":[{"Authorization":"${REDACTED}"}]}`,
    });
    expect(staticValue('headers', { Accept: 'x', Authorization: '' })).toEqual({
      how: 'value',
      value: '{"Accept":"x","Authorization":""}',
    });
  });
});
