import { describe, expect, it } from 'vitest';
import { graphOf, type CardInfo } from '../../src/flopack/read/index.js';
import type { Flopack } from '../../src/flopack/types.js';
import { generateConnector } from '../../src/generate/index.js';
import { isCredentialName, REDACTED } from '../../src/handoff-package/credentials.js';
import {
  describeInputs,
  flowNamesOf,
  staticValue,
  type DragSource,
  type FieldSource,
} from '../../src/handoff-package/field-sources.js';
import { buildFlowGraph, type FlowGraph } from '../../src/handoff-package/flow-graph.js';
import { loadValidSpec } from '../../src/spec/validate.js';
import { packagePath } from '../../src/util/paths.js';
import { sample } from './helpers.js';

/** staticValue as it was before objects without credentials were shown as they are: every object copied, redacted. */
function staticValueBefore(key: string, data: unknown, label?: string): FieldSource {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isCredentialName(k) && v !== '' ? REDACTED : redact(v)]),
    );
  };
  if (data === null || data === undefined || data === '') return { how: 'empty' };
  if (typeof data === 'object' && Object.keys(data).length === 0) return { how: 'empty' };
  if (isCredentialName(key) || (label !== undefined && isCredentialName(label)))
    return { how: 'value', value: REDACTED };
  if (typeof data === 'string') return { how: 'value', value: data };
  return { how: 'value', value: JSON.stringify(redact(data)) };
}

/** A small seeded generator, so a failure names a value that can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
    return (seed >>> 0) / 2 ** 32;
  };
}

// Plain keys, credential-like keys (as headers and bodies have them), and keys JSON and objects treat specially.
const KEYS = [
  'Accept',
  'Content-Type',
  'Authorization',
  'api_key',
  'token',
  'maxTokens',
  '0',
  '10',
  '__proto__',
  'x',
];
const SCALARS = ['', 'Bearer x', 'caf\u00e9', 0, 1.5, true, false, null, undefined];

function randomJson(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = depth > 3 ? 0 : Math.floor(next() * 3);
  if (kind === 0) return pick(SCALARS);
  if (kind === 1) return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(next, depth + 1));
  const object: Record<string, unknown> = {};
  const count = Math.floor(next() * 5);
  for (let i = 0; i < count; i++)
    Object.defineProperty(object, pick(KEYS), {
      value: randomJson(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
}

describe('staticValue', () => {
  it('shows a static value as the copy-and-redact of every object did (random JSON values and keys)', () => {
    const next = random(29);
    for (let n = 0; n < 5_000; n++) {
      const data = randomJson(next, 0);
      const key = KEYS[Math.floor(next() * KEYS.length)]!;
      expect(staticValue(key, data), JSON.stringify(data)).toEqual(staticValueBefore(key, data));
    }
  });

  it('redacts credential-named keys at any depth, and leaves other objects as they are', () => {
    expect(staticValue('headers', { Accept: 'x', nested: [{ Authorization: 'Basic y' }] })).toEqual({
      how: 'value',
      value: `{"Accept":"x","nested":[{"Authorization":"${REDACTED}"}]}`,
    });
    expect(staticValue('headers', { Accept: 'x', Authorization: '' })).toEqual({
      how: 'value',
      value: '{"Accept":"x","Authorization":""}',
    });
  });
});

/** Where a drag comes from, as it was found before one list was filled in place: a list per step, spread, flatMap. */
function resolveBefore(card: CardInfo, outputId: string, graph: FlowGraph, depth: number): DragSource[] {
  const output = card.outputs.get(outputId)?.field;
  const label = (fallback: string) => output?.metadata.displayname ?? output?.key ?? fallback;
  if (depth > 20) return [];
  const { scope } = card;
  if (card.parts?.family === 'kernel' && card.tail === 'object:expand' && card.model?.displayed === false) {
    const path = (output?.metadata.path ?? []).join('.');
    const objectInput = [...card.inputs.values()][0]?.field;
    const upstream = objectInput ? (graphOf(scope).incoming.get(card.uuid)?.get(objectInput.id) ?? []) : [];
    const src = objectInput?.metadata.srcMethodId;
    const source = src ? scope.byUuid.get(src) : undefined;
    const bases =
      upstream.length > 0
        ? upstream.flatMap((u) => resolveBefore(u.card, u.outputId, graph, depth + 1))
        : source
          ? resolveBefore(source, String(objectInput?.metadata.srcOutputId ?? ''), graph, depth + 1)
          : [];
    return bases.map((b) => ({
      ...b,
      output: path ? `${b.output} › ${path.split('.').join(' › ')}` : b.output,
    }));
  }
  const owner = scope.owner?.card;
  if (owner && card === graphOf(scope).start && output) {
    const ownerInput = [...owner.inputs.values()].find((f) => f.key === output.key);
    if (ownerInput) {
      const upstream = graphOf(owner.scope).incoming.get(owner.uuid)?.get(ownerInput.id) ?? [];
      const resolved = upstream.flatMap((u) => resolveBefore(u.card, u.outputId, graph, depth + 1));
      if (resolved.length > 0) return resolved;
    }
    return [
      {
        output: label(outputId),
        card: graph.names.get(owner) ?? owner.name,
        number: graph.numbers.get(owner),
      },
    ];
  }
  return [
    { output: label(outputId), card: graph.names.get(card) ?? card.name, number: graph.numbers.get(card) },
  ];
}

/** Every card of every flow of `flopack` (the shown cards of inline flows too), with its flow's graph. */
function cardsOf(flopack: Flopack): Array<[CardInfo, FlowGraph]> {
  return Object.values(flopack.data.flos).flatMap((flo) => {
    const graph = buildFlowGraph(flo);
    const cards = new Set([...graph.scope.cards, ...graph.numbers.keys()]);
    return [...cards].map((card): [CardInfo, FlowGraph] => [card, graph]);
  });
}

describe('describeInputs', () => {
  it('finds the drags the list-per-step resolution found, through path cards and wormholes (samples, Twilio)', async () => {
    const { spec } = await loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
    const flopacks = [
      ...[
        'telephony_inline_hook_whatsapp_sms.flow',
        'slack_user_details_with_capia.flow',
        'send_sms_via_twilio.flopack',
      ].map(sample),
      generateConnector(spec).flopack,
    ];
    let drags = 0;
    let paths = 0;
    for (const flopack of flopacks) {
      const names = flowNamesOf(flopack);
      for (const [card, graph] of cardsOf(flopack)) {
        const fields = [...card.inputs.values()].map((f) => f.field);
        const pinned = graphOf(card.scope).incoming.get(card.uuid);
        describeInputs(card, fields, graph, names).forEach((source, i) => {
          const pins = pinned?.get(fields[i]!.id) ?? [];
          const before = pins.flatMap((p) => resolveBefore(p.card, p.outputId, graph, 0));
          if (before.length === 0) return;
          drags++;
          if (before.some((d) => d.output.includes(' › '))) paths++;
          expect(source).toEqual({ how: 'drag', from: before });
        });
      }
    }
    expect(drags).toBeGreaterThan(100);
    expect(paths).toBeGreaterThan(10);
  });
});
