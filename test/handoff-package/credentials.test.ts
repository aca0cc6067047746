import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import {
  credentialValuesIn,
  findCredentialValues,
  isCredentialName,
  type CredentialFinding,
} from '../../src/handoff-package/credentials.js';
import type { Card, Flo, IoField } from '../../src/flopack/types.js';
import { staticValue } from '../../src/handoff-package/field-sources.js';
import { baseSpec } from '../spec/helpers.js';

describe('findCredentialValues', () => {
  it('finds fixed values on credential-named fields of the generated flows', () => {
    // Bypasses spec validation (which also refuses literal secrets) to test the build's own guard.
    const spec = baseSpec();
    spec.defaultHeaders = {
      Authorization: 'Bearer sk_live_x',
      'X-Api-Key': 'abc',
      Accept: 'application/json',
    };
    const found = findCredentialValues(generateConnector(spec).flopack);
    expect(found.map((f) => f.field).sort()).toEqual(['Authorization', 'X-Api-Key']);
    expect(found.every((f) => f.flow === 'httpHelper')).toBe(true);
  });

  it('finds nothing in a connector that takes credentials from the connection', () => {
    expect(findCredentialValues(generateConnector(baseSpec()).flopack)).toEqual([]);
  });

  it('tells credential names from look-alikes', () => {
    for (const name of [
      'Authorization',
      'password',
      'Client Secret',
      'X-Auth-Token',
      'access_token',
      'api_key',
      'API Key',
    ])
      expect(isCredentialName(name), name).toBe(true);
    for (const name of ['maxTokens', 'Token URL', 'Accept', 'To', 'Body'])
      expect(isCredentialName(name), name).toBe(false);
  });

  it('redacts static values the build sheet would show', () => {
    expect(staticValue('Authorization', 'Basic abc')).toEqual({ how: 'value', value: '•••••• (redacted)' });
    expect(staticValue('headers', { Authorization: 'Basic abc', Accept: 'x' })).toEqual({
      how: 'value',
      value: '{"Authorization":"•••••• (redacted)","Accept":"x"}',
    });
    expect(staticValue('To', '')).toEqual({ how: 'empty' });
  });
});

/** credentialValuesIn as it was, walking the JSON itself: the reference the read-model walk must agree with. */
function rawCredentialValuesIn(flo: Flo): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  const hasValue = (data: unknown): boolean =>
    typeof data === 'string'
      ? data.trim() !== ''
      : data !== null && data !== undefined && typeof data !== 'boolean' && typeof data !== 'object';
  const keyWithValue = (data: object): boolean =>
    Object.entries(data).some(
      ([k, v]) => (isCredentialName(k) && hasValue(v)) || (!!v && typeof v === 'object' && keyWithValue(v)),
    );
  const visit = (flow: string, methods: unknown) => {
    if (!Array.isArray(methods)) return;
    for (const card of methods as Card[]) {
      const inputs: Record<string, IoField> = card.node?.model?.inputs?.data ?? {};
      for (const id of Object.keys(inputs)) {
        const field = inputs[id]!;
        const data = field.value?.data;
        if (field.value?.type === 'flo' && data && typeof data === 'object') {
          visit(flow, (data as { methods?: unknown }).methods);
          continue;
        }
        const named = isCredentialName(field.key) || isCredentialName(field.metadata?.displayname ?? '');
        if ((named && hasValue(data)) || (data && typeof data === 'object' && keyWithValue(data))) {
          findings.push({ flow, card: card.node.data.name, field: field.metadata?.displayname ?? field.key });
        }
      }
      const policy = card.node?.model?.policy?.error;
      if (policy && policy.type === 'handler' && policy.flo) visit(flow, policy.flo.methods);
    }
  };
  visit(flo.name, flo.data.methods);
  return findings;
}

describe('credentialValuesIn', () => {
  it('finds what the walk over the JSON found, in the same order, on random flows with inline flos', () => {
    let seed = 5;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      // The high bits: the low ones of this generator repeat within a few draws.
      return Math.floor(seed / 2 ** 16) % n;
    };
    const keys = ['password', 'apiKey', 'To', 'Body', 'X-Auth-Token', 'maxTokens', ''];
    const values = [
      '',
      '  ',
      'hunter22',
      3,
      true,
      null,
      undefined,
      { secret: 'x' },
      { a: { token: 7 } },
      ['s'],
    ];
    let cardCount = 0;
    const methods = (depth: number): unknown[] =>
      Array.from({ length: random(4) }, () => {
        const name = `card ${cardCount++}`;
        const data: Record<string, unknown> = {};
        for (let i = random(5); i > 0; i--) {
          const id = `in${random(9)}`;
          const key = keys[random(keys.length)];
          const kind = random(10);
          const value =
            kind === 0 && depth < 3
              ? { type: 'flo', data: { uuid: `i${cardCount}`, methods: methods(depth + 1) } }
              : kind === 1
                ? { type: 'flo', data: 'flow-id' }
                : { type: 'string', data: values[random(values.length)] };
          const metadata = random(3) === 0 ? { displayname: keys[random(keys.length)] } : {};
          data[id] = random(12) === 0 ? 'not a field' : { id, key, value, metadata };
        }
        const model: Record<string, unknown> = { inputs: { data } };
        if (depth < 3 && random(5) === 0) {
          const type = random(4) === 0 ? 'retry' : 'handler';
          model.policy = { error: { type, flo: { uuid: `e${cardCount}`, methods: methods(depth + 1) } } };
        }
        return { uuid: `u${cardCount}`, node: { data: { name }, model } };
      });
    let found = 0;
    for (let round = 0; round < 300; round++) {
      const flo = {
        name: `flow ${round}`,
        data: { uuid: `f${round}`, methods: methods(0) },
      } as unknown as Flo;
      const expected = rawCredentialValuesIn(flo);
      found += expected.length;
      expect(credentialValuesIn(flo)).toEqual(expected);
    }
    expect(found).toBeGreaterThan(50);
  });
});
