import { describe, expect, it } from 'vitest';
import { addressTail, parseAddress, readFlo } from '../../../src/flopack/read/index.js';

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
