import { describe, expect, it } from 'vitest';
import { FlowBuilder, IdFactory } from '../../../src/flopack/builder/index.js';
import {
  BUILTIN_CARDS,
  CARDS,
  CARD_KINDS,
  OPT_IN_CARDS,
  cardTypeName,
} from '../../../src/flopack/cards/index.js';
import { addressTail } from '../../../src/flopack/read/index.js';
import { inspectFlopack } from '../../../src/simulate/index.js';
import type { Flopack } from '../../../src/flopack/types.js';

describe('the card catalogue', () => {
  it('gives every kind the builder can write simulator semantics', () => {
    const flow = new FlowBuilder(new IdFactory(), 'every-kind');
    const cards = CARD_KINDS.map((kind) => flow.add(kind, kind));
    const flo = flow.build({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'all',
      description: '',
      group: 'g',
    });
    const flopack = {
      type: 'flopack',
      version: '1.5.0',
      created: '',
      flags: {},
      data: { flos: { [flo.id]: flo }, configs: {}, tables: {}, groups: {} },
    } as Flopack;
    const missing = cards
      .map((c) => addressTail(c.card.address))
      .filter((tail) => !BUILTIN_CARDS.has(tail) && !OPT_IN_CARDS[tail]);
    expect(missing).toEqual([]);
    // The simulator's own view: nothing it would refuse (connector cards run when asked for, as hook serve does).
    expect(inspectFlopack(flopack, { extraCards: OPT_IN_CARDS }).unsupported).toEqual([]);
  });

  it('keys each kind by a distinct address tail, and names it as a person sees it', () => {
    const tails = Object.values(CARDS).map((d) => d.tail);
    expect(new Set(tails).size).toBe(tails.length);
    expect(cardTypeName('root:kernel:string:0.0.1:compose')).toBe('Text - Compose');
    expect(cardTypeName('root:channels:http:httpfunctions:1.0.11:raw')).toBe('HTTP - Raw Request');
    expect(cardTypeName('root:kernel:control:0.0.1:callable')).toBe('Helper Flow');
    expect(cardTypeName('root:kernel:math:0.0.1:add')).toBe('Number - add');
  });
});
