import { describe, expect, it } from 'vitest';
import { executionOrder as orderOf, readFlo } from '../../../src/flopack/read/index.js';
import type { Card } from '../../../src/flopack/types.js';
import { onlyFlo, sample } from '../../handoff-package/helpers.js';

/** The cards of a flo in execution order (cards caught in a cycle last). */
function executionOrder(methods: Card[], orderings: Record<string, [string, string]>): Card[] {
  return orderOf(readFlo({ uuid: 'flo', methods, orderings })).map((c) => c.card);
}

describe('executionOrder', () => {
  it('follows orderings, not the order of methods, and survives cycles', () => {
    const flo = onlyFlo(sample('send_sms_via_twilio.flopack'));
    const reversed = [...flo.data.methods].reverse();
    const order = executionOrder(reversed, flo.data.orderings).map((c) => c.uuid);
    expect(order).toEqual(executionOrder(flo.data.methods, flo.data.orderings).map((c) => c.uuid));
    expect(order[0]).toBe(flo.data.methods.find((c) => c.address.endsWith(':callable'))?.uuid);
    const [a, b] = flo.data.methods;
    if (!a || !b) throw new Error('sample changed');
    const cyclic = executionOrder([a, b], { x: [a.uuid, b.uuid], y: [b.uuid, a.uuid] });
    expect(cyclic).toHaveLength(2);
  });
});
