import { describe, expect, it } from 'vitest';
import { addressTail, isObject, parseAddress, readFlo } from '../../../src/flopack/read/index.js';

describe('readFlo card addresses', () => {
  it('gives each card the parts and tail the address parser gives, from the per-address cache too', () => {
    const parts = ['root', 'kernel', 'channels', 'http', 'control', 'if', '0.0.1', '1.2.3', 'okta', 'x', ''];
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const addresses = Array.from({ length: 300 }, () =>
      Array.from({ length: random(8) }, () => parts[random(parts.length)]).join(':'),
    );
    // Each address twice: the second reading comes from the cache.
    for (const round of [1, 2]) {
      const methods = addresses.map((address, i) => ({ uuid: `c${round}-${i}`, address }));
      const scope = readFlo({ uuid: `flo${round}`, methods, orderings: {} });
      for (const card of scope.cards) {
        expect(card.parts).toEqual(parseAddress(card.address));
        expect(card.tail).toBe(addressTail(card.address));
      }
    }
  });
});

describe('readFlo flo inputs', () => {
  it('lists the inputs whose value is a flo, in stored order, as a scan of every input finds them', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Values as hand-edited files may hold them: flo references, inline flos, other types, no object at all.
    const values: unknown[] = [
      { type: 'flo', data: 'a-flow-id' },
      { type: 'flo', data: { uuid: 'inline', methods: [] } },
      { type: 'flo', data: null },
      { type: 'flo' },
      { type: 'string', data: 'flo' },
      { type: 'FLO', data: 'x' },
      'flo',
      null,
      ['flo'],
      undefined,
    ];
    for (let round = 0; round < 200; round++) {
      const methods = Array.from({ length: 1 + random(4) }, (_, c) => {
        const data: Record<string, unknown> = {};
        for (let i = random(6); i > 0; i--) {
          const id = `in${random(8)}`;
          data[id] = random(8) === 0 ? 'not a field' : { id, key: id, value: values[random(values.length)] };
        }
        return {
          uuid: `c${c}`,
          address: 'root:kernel:control:0.0.1:noop',
          node: { model: { inputs: { data } } },
        };
      });
      const scope = readFlo({ uuid: `flo${round}`, methods, orderings: {} });
      for (const card of scope.cards) {
        // The scan lint's rules and the walk made before: every input, `value.type` 'flo' on an object value.
        const scanned = [...card.inputs.values()].filter((io) => {
          const value = io.field.value as unknown;
          return isObject(value) && value.type === 'flo';
        });
        expect(card.floInputs).toEqual(scanned);
        for (let i = 0; i < scanned.length; i++) expect(card.floInputs[i]).toBe(scanned[i]);
      }
    }
  });
});
