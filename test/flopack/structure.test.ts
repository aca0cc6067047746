import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from '../../src/build/generate.js';
import { CARD_DEFAULTS, FlowBuilder, IdFactory, type CardKind } from '../../src/flopack/builder/index.js';
import type { Card, Flopack } from '../../src/flopack/types.js';
import { OKTA_WORKFLOWS_DIR } from '../support/fixtures.js';
import { loadTwilioSpec } from '../build/twilio-spec.js';
import { checkFlopack } from './structure.js';

let good: Flopack;
beforeAll(async () => {
  good = generateConnector(await loadTwilioSpec()).flopack;
});
const fresh = () => structuredClone(good);
const firstFlo = (d: Flopack) => Object.values(d.data.flos).find((f) => f.name === 'Send Message')!;

describe('the structure checker used by the generator tests', () => {
  it('reports each kind of breakage it is meant to catch', () => {
    const cases: Array<[string, (d: Flopack) => void, RegExp]> = [
      ['address', (d) => (firstFlo(d).data.methods[1]!.address += 'x'), /address\/parents/],
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
        /not unique/,
      ],
      [
        'dangling pin',
        (d) => {
          const card = firstFlo(d).data.methods.find((c) => Object.keys(c.pins).length)!;
          const [target] = Object.values(card.pins);
          target![Object.keys(target!)[0]!]![0]!.input = 'nope123';
        },
        /unknown input/,
      ],
      [
        'second start card',
        (d) => {
          const f = firstFlo(d);
          for (const [k, [, to]] of Object.entries(f.data.orderings))
            if (to === f.data.methods[1]!.uuid) delete f.data.orderings[k];
        },
        /2 start cards|not ordered/,
      ],
      [
        'compose placeholder',
        (d) => {
          const compose = firstFlo(d).data.methods.find((c) => c.node.key === 'compose')!;
          const text = Object.values(compose.node.model.inputs.data).find((i) => i.key === '_text_')!;
          text.value.data = `${String(text.value.data)}{{{missing}}}`;
        },
        /placeholder missing/,
      ],
      [
        'flo reference',
        (d) => {
          const call = firstFlo(d).data.methods.find((c) => c.node.key === 'spawn')!;
          Object.values(call.node.model.inputs.data).find((i) => i.key === 'flo')!.value.data = 'not-a-flo';
        },
        /does not resolve/,
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

const SAMPLES = OKTA_WORKFLOWS_DIR;

/** Every card of every flo of a real export, inline flos included. */
function realCards(): Card[] {
  const out: Card[] = [];
  const walk = (methods: Card[]) => {
    for (const c of methods) {
      out.push(c);
      for (const io of Object.values(c.node.model.inputs.data)) {
        const data = io.value.data as { methods?: Card[] } | null;
        if (io.value.type === 'flo' && data && typeof data === 'object' && data.methods) walk(data.methods);
      }
      const policy = c.node.model.policy.error as { flo?: { methods: Card[] } };
      if (policy.flo) walk(policy.flo.methods);
    }
  };
  for (const file of readdirSync(SAMPLES).filter((f) => /\.(flopack|flow)$/.test(f))) {
    const doc = JSON.parse(readFileSync(`${SAMPLES}${file}`, 'utf8')) as Flopack;
    for (const flo of Object.values(doc.data.flos)) walk(flo.data.methods);
  }
  return out;
}

describe('card envelopes match real exports (test/fixtures/okta-workflows)', () => {
  it('has the same envelope, model key set and defaults as a real card of each sampled kind', () => {
    const byKey = new Map<string, Card>();
    for (const c of realCards()) if (!byKey.has(c.node.key)) byKey.set(c.node.key, c);
    let compared = 0;
    for (const kind of Object.keys(CARD_DEFAULTS) as CardKind[]) {
      const d = CARD_DEFAULTS[kind];
      const real = byKey.get(d.key);
      if (
        !real ||
        (d.channel ? !real.address.includes(d.module) : !real.address.startsWith(`root:kernel:${d.module}:`))
      )
        continue;
      const ours = new FlowBuilder(new IdFactory(), 'cmp').add(kind, 'x').card;
      const optional = new Set(['display', 'comments']);
      const keys = (c: Card) => Object.keys(c.node.model).filter((k) => d.channel || !optional.has(k));
      expect(Object.keys(ours), kind).toEqual(Object.keys(real));
      expect(keys(ours), kind).toEqual(keys(real));
      expect(ours.parents.version.address, kind).toBe(
        real.parents.version.address.replace(/:[\d.]+$/, `:${d.channel?.version ?? '0.0.1'}`),
      );
      for (const k of ['timeout', 'async', 'mirrored', 'executable', 'cooperative'] as const) {
        expect(ours.node.model[k], `${kind}.${k}`).toBe(real.node.model[k]);
      }
      expect(ours.node.model.metadata.description, kind).toBe(real.node.model.metadata.description);
      expect(Object.keys(ours.node.model.inputs).sort(), kind).toEqual(
        Object.keys(real.node.model.inputs).sort(),
      );
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(15);
  });
});
