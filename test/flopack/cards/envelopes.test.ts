import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FlowBuilder, IdFactory } from '../../../src/flopack/builder/index.js';
import { CARD_KINDS, buildable } from '../../../src/flopack/cards/index.js';
import { readFlopack } from '../../../src/flopack/read/index.js';
import type { Card } from '../../../src/flopack/types.js';
import { OKTA_WORKFLOWS_DIR } from '../../support/fixtures.js';

const SAMPLES = OKTA_WORKFLOWS_DIR;

/** Every card of every flo of a real export, inline flos included. */
function realCards(): Card[] {
  return readdirSync(SAMPLES)
    .filter((f) => /\.(flopack|flow)$/.test(f))
    .flatMap((file) => readFlopack(JSON.parse(readFileSync(`${SAMPLES}/${file}`, 'utf8'))).scopes)
    .flatMap((scope) => scope.cards.map((c) => c.card));
}

describe('card envelopes match real exports (test/fixtures/okta-workflows)', () => {
  it('has the same envelope, model key set and defaults as a real card of each sampled kind', () => {
    const byKey = new Map<string, Card>();
    for (const c of realCards()) if (!byKey.has(c.node.key)) byKey.set(c.node.key, c);
    let compared = 0;
    for (const kind of CARD_KINDS) {
      const def = buildable(kind);
      const d = def.envelope;
      const real = byKey.get(def.key);
      if (
        !real ||
        (d.channel
          ? !real.address.includes(def.module)
          : !real.address.startsWith(`root:kernel:${def.module}:`))
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
