import { beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/generate/index.js';
import type { Flopack } from '../../src/flopack/types.js';
import { loadTwilioSpec } from '../generate/twilio-spec.js';
import { checkFlopack } from './check-flopack.js';

let good: Flopack;
beforeAll(async () => {
  good = generateConnector(await loadTwilioSpec()).flopack;
});
const fresh = () => structuredClone(good);
const firstFlo = (d: Flopack) => Object.values(d.data.flos).find((f) => f.name === 'Send Message')!;

describe('the flopack check used by the generator tests', () => {
  it('reports each kind of breakage it is meant to catch', () => {
    const cases: Array<[string, (d: Flopack) => void, RegExp]> = [
      ['address', (d) => (firstFlo(d).data.methods[1]!.address += 'x'), /OC-FLOPACK-ADDRESS/],
      [
        'model keys',
        (d) => delete (firstFlo(d).data.methods[1]!.node.model as Record<string, unknown>).hooks,
        /model keys/,
      ],
      [
        'duplicate IO id',
        (d) => {
          const [a, b] = firstFlo(d).data.methods;
          const io = Object.values(a!.node.model.inputs.data)[0]!;
          b!.node.model.inputs.data[io.id] = { ...io };
        },
        /OC-FLOPACK-IO-ID/,
      ],
      [
        'dangling pin',
        (d) => {
          const card = firstFlo(d).data.methods.find((c) => Object.keys(c.pins).length)!;
          const [target] = Object.values(card.pins);
          target![Object.keys(target!)[0]!]![0]!.input = 'nope123';
        },
        /OC-FLOPACK-PIN-TARGET/,
      ],
      [
        'second start card',
        (d) => {
          const f = firstFlo(d);
          for (const [k, [, to]] of Object.entries(f.data.orderings))
            if (to === f.data.methods[1]!.uuid) delete f.data.orderings[k];
        },
        /OC-FLOPACK-START-CARD|OC-FLOPACK-UNORDERED-CARD/,
      ],
      [
        'compose placeholder',
        (d) => {
          const compose = firstFlo(d).data.methods.find((c) => c.node.key === 'compose')!;
          const text = Object.values(compose.node.model.inputs.data).find((i) => i.key === '_text_')!;
          text.value.data = `${String(text.value.data)}{{{missing}}}`;
        },
        /OC-FLOPACK-COMPOSE-PLACEHOLDER/,
      ],
      [
        'flo reference',
        (d) => {
          const call = firstFlo(d).data.methods.find((c) => c.node.key === 'spawn')!;
          Object.values(call.node.model.inputs.data).find((i) => i.key === 'flo')!.value.data = 'not-a-flo';
        },
        /OC-FLOPACK-FLOW-REF/,
      ],
    ];
    expect(checkFlopack(good)).toEqual([]);
    for (const [, breakIt, expected] of cases) {
      const d = fresh();
      breakIt(d);
      expect(checkFlopack(d).join('\n')).toMatch(expected);
    }
  });
});
