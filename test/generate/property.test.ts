import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import { lintFlopack } from '../../src/lint/index.js';
import { checkFlopack } from '../helpers/check-flopack.js';
import { randomSpec } from './random-spec.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => 1000 + i * 7919);

describe('random valid specs (seeded, replayable)', () => {
  it.each(SEEDS)('seed %i builds a structurally valid, lint-clean, deterministic flopack', (seed) => {
    const spec = randomSpec(seed);
    const built = generateConnector(spec);
    expect(checkFlopack(built.flopack)).toEqual([]);
    const text = serializeFlopack(built.flopack);
    expect(serializeFlopack(generateConnector(randomSpec(seed)).flopack)).toBe(text);
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(built.flopack)));
    const errors = lintFlopack(parsed, { connector: true }).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.message} ${d.pointer ?? ''}`)).toEqual([]);
    const expected = 2 + spec.actions.length + (spec.customApiAction === false ? 0 : 1);
    const revoke = [spec.authentication].flat().some((a) => a.type === 'oauth2' && a.revokeUrl) ? 1 : 0;
    expect(built.flows).toHaveLength(expected + revoke);
  });
});
