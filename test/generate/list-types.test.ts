import { describe, expect, it } from 'vitest';
import { runBuilt } from './run-action.js';
import { validateObject, withSpec } from '../spec/helpers.js';
import { generateConnector } from '../../src/generate/index.js';
import type { FieldType } from '../../src/spec/types.js';

/**
 * `list: true` for every type Connector Builder offers (Text, Number, True/False, Date & Time, Object), as inputs
 * and as outputs, end to end: the start card's and Return card's fields are collections of the type, the values
 * travel in a JSON body, come back from the response, and the simulator refuses what Okta's card editor would.
 */
const TYPES: FieldType[] = ['text', 'number', 'boolean', 'datetime', 'object'];
const IO_TYPES: Record<FieldType, string> = {
  text: 'string',
  number: 'number',
  boolean: 'boolean',
  datetime: 'Date',
  object: 'object',
};
const VALUES: Record<FieldType, unknown[]> = {
  text: ['a', 'b'],
  number: [1, 2.5],
  boolean: [true, false],
  datetime: ['2026-11-29T07:00:00.000Z', '2026-11-30T07:00:00.000Z'],
  object: [{ a: 1 }, { b: [2] }],
};

const spec = withSpec((s) => {
  const action = s.actions[0]!;
  action.name = 'Echo Lists';
  action.options = [];
  action.inputs = TYPES.map((t) => ({ key: `${t}s`, label: `${t} list`, type: t, list: true }));
  action.request = {
    method: 'POST',
    path: '/echo',
    body: { encoding: 'json', fields: Object.fromEntries(TYPES.map((t) => [`${t}s`, `\${inputs.${t}s}`])) },
  };
  action.outputs = TYPES.map((t) => ({
    key: `${t}s`,
    label: `${t} list`,
    type: t,
    list: true,
    from: 'body' as const,
    path: `echo.${t}s`,
  }));
});

const echo = (req: { body?: string }) => ({
  status: 200,
  headers: {},
  body: JSON.stringify({ echo: JSON.parse(req.body ?? '{}') }),
});

describe('lists of every type', () => {
  it('validates and writes collection fields of each type on the start and Return cards', async () => {
    expect((await validateObject(spec)).filter((d) => d.severity === 'error')).toEqual([]);
    const built = generateConnector(spec);
    const flo = built.flopack.data.flos[built.flows.find((f) => f.name === 'Echo Lists')!.floId]!;
    const fields = Object.values(flo.data.methods).flatMap((card) =>
      Object.values(card.node.model.inputs?.data ?? {}).map((f) => ({ tail: card.node.key, f })),
    );
    for (const t of TYPES) {
      const ofKey = fields.filter(({ f }) => f.key === `${t}s` && f.metadata?.displayname === `${t} list`);
      // The start card's input and the Return card's field.
      expect(ofKey.length, t).toBeGreaterThanOrEqual(2);
      for (const { f } of ofKey) expect([f.value.type, f.value.collection], t).toEqual([IO_TYPES[t], true]);
    }
  });

  it('sends each list in the body and returns each list from the response', async () => {
    const values = Object.fromEntries(TYPES.map((t) => [`${t}s`, VALUES[t]]));
    const { result, requests } = await runBuilt(spec, 'Echo Lists', values, undefined, echo);
    expect(result).toMatchObject({ ok: true, outputs: values });
    expect(JSON.parse(requests[0]!.body!)).toEqual(values);
  });

  it('leaves empty lists out, as any empty optional value', async () => {
    const { result, requests } = await runBuilt(
      spec,
      'Echo Lists',
      { texts: ['a'], numbers: [] },
      undefined,
      echo,
    );
    expect(result.ok).toBe(true);
    expect(JSON.parse(requests[0]!.body!)).toEqual({ texts: ['a'] });
  });

  it.each([
    ['texts', 'a', 'Input "text list" is a list of text; got text "a". Pass a list, e.g. ["a"].'],
    ['numbers', [1, 'two'], 'Item 2 of input "number list" must be number; got text "two".'],
    ['booleans', [true, 'maybe'], 'Item 2 of input "boolean list" must be true/false; got text "maybe".'],
    [
      'datetimes',
      ['2026-11-29T07:00:00Z', { at: 1 }],
      'Item 2 of input "datetime list" must be date & time; got an object {"at":1}.',
    ],
    [
      'datetimes',
      ['2026-11-29', 'next tuesday'],
      'Item 2 of input "datetime list" must be date & time; got text "next tuesday".',
    ],
    ['objects', [{ a: 1 }, 'x'], 'Item 2 of input "object list" must be object; got text "x".'],
  ])('refuses a wrong %s value before the card runs', async (key, value, message) => {
    const { result, requests } = await runBuilt(spec, 'Echo Lists', { [key]: value }, undefined, echo);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message } });
    expect(requests).toEqual([]);
  });
});
