import { describe, expect, it } from 'vitest';
import { forgetReadings, graphOf, readFlo } from '../../../src/flopack/read/index.js';
import { onlyFlo, sample } from '../../handoff-package/helpers.js';

describe('forgetReadings', () => {
  it('keeps a flo read once until the readings are forgotten, then reads it again, the same', () => {
    const data = onlyFlo(sample('send_sms_via_twilio.flopack')).data;
    const scope = readFlo(data);
    const graph = graphOf(scope);
    // Remembered: the same objects, not read again.
    expect(readFlo(data)).toBe(scope);
    expect(graphOf(scope)).toBe(graph);

    forgetReadings();
    const again = readFlo(data);
    expect(again).not.toBe(scope);
    expect(graphOf(again)).not.toBe(graph);
    // A new reading of the same flo: the same cards, in the same order, with the same pins.
    expect(again.cards.map((c) => c.uuid)).toEqual(scope.cards.map((c) => c.uuid));
    expect(graphOf(again).order.map((c) => c.uuid)).toEqual(graph.order.map((c) => c.uuid));
    const pins = (g: typeof graph) => g.pins.map((p) => [p.from.uuid, p.outputId, p.to.uuid, p.inputId]);
    expect(pins(graphOf(again))).toEqual(pins(graph));
  });
});

describe('graphOf', () => {
  it("reads pins lazily through its class's getters, never an accessor of the graph object itself", () => {
    // An object literal's getters are new closures kept in the object's hidden class, in V8's old generation: they
    // kept each graph's scope and flo alive past young-generation collections (graph.ts BuiltGraph).
    const graph = graphOf(readFlo(onlyFlo(sample('send_sms_via_twilio.flopack')).data));
    expect(Object.getOwnPropertyDescriptor(graph, 'pins')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(graph, 'incoming')).toBeUndefined();
    expect(graph.pins.length).toBeGreaterThan(0);
    expect(graph.incoming.size).toBeGreaterThan(0);
  });
});
