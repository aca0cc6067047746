import { describe, expect, it } from 'vitest';
import {
  MAX_TRACE_DEPTH,
  MAX_TRACE_ITEMS,
  MAX_TRACE_TEXT,
  MAX_TRACE_VALUES,
  REDACTED,
  SecretScrubber,
  isSecretName,
} from '../../src/simulate/redact.js';

/**
 * SecretScrubber's view walks lists and objects without the intermediate arrays it used to make (a second
 * `Object.keys`, `slice` and `map`); a traced run makes ~670 views. The trace must not change: the same output,
 * the same sharing (a value that needs no masking is its own view), the same secrets learned and the same cuts at
 * every limit. Checked against the view as it was, on generated values that reach every limit.
 */

// The view before the change (src/simulate/redact.ts at 94726bf); the rest of the class is the same in both.
class PlainScrubber extends SecretScrubber {
  protected override view(value: unknown, depth: number): unknown {
    this.budget--;
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    const count = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (depth >= MAX_TRACE_DEPTH || this.budget <= 0) {
      return `[${Array.isArray(value) ? 'list' : 'object'} of ${count} not shown: trace limit]`;
    }
    const cached = this.objects.get(value);
    if (cached && cached.size <= this.budget) {
      this.budget -= cached.size;
      if (cached.hit) this.hit = true;
      return cached.out;
    }
    const outerHit = this.hit;
    const budgetBefore = this.budget;
    this.hit = false;
    let out: unknown;
    if (Array.isArray(value)) {
      const shown = value.slice(0, MAX_TRACE_ITEMS).map((item) => this.view(item, depth + 1));
      if (value.length > MAX_TRACE_ITEMS) shown.push(`… ${value.length - MAX_TRACE_ITEMS} more items`);
      out = shown.length === value.length && shown.every((v, i) => v === value[i]) ? value : shown;
    } else {
      const rec = value as Record<string, unknown>;
      const keys = Object.keys(rec);
      let copy: Record<string, unknown> | undefined = keys.length > MAX_TRACE_ITEMS ? {} : undefined;
      for (const k of keys.slice(0, MAX_TRACE_ITEMS)) {
        const v = rec[k];
        let r: unknown;
        if ((isSecretName(k) || this.secretKeys.has(k)) && v !== null && v !== undefined && v !== '') {
          this.add(v);
          r = REDACTED;
        } else r = this.view(v, depth + 1);
        if (copy) copy[k] = r;
        else if (r !== v) (copy = { ...rec })[k] = r;
      }
      if (keys.length > MAX_TRACE_ITEMS) copy!['…'] = `${keys.length - MAX_TRACE_ITEMS} more keys`;
      out = copy ?? value;
    }
    const hit = this.hit;
    this.hit = outerHit || hit;
    if (this.budget > 0) this.objects.set(value, { out, hit, size: budgetBefore - this.budget });
    return out;
  }
}

/** Deterministic values (a linear congruential generator, so a failure reproduces from its seed). */
function generator(seed: number) {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const long = `${'x'.repeat(MAX_TRACE_TEXT - 5)}sk_live_abcdef${'y'.repeat(50)}`;
  const texts = [
    '',
    'hello',
    'sk_live_abcdef',
    'pw',
    'a pw b',
    'Basic dXNlcjpwYXNz',
    'hunter2hunter2',
    'say hunter2hunter2 twice',
    'contains sk_live_abcdef inside',
    REDACTED,
    long,
    'session-value-1',
  ];
  const keys = [
    'name',
    'sid',
    'body',
    'to',
    'password',
    'token',
    'Authorization',
    'apiKey',
    'session',
    'items',
    'data',
    '0',
    '1',
    'clientSecret',
    'note',
  ];
  const seen: object[] = [];
  const value = (depth: number): unknown => {
    const kind = depth > MAX_TRACE_DEPTH + 2 ? next(4) : next(10);
    if (kind === 0) return texts[next(texts.length)];
    if (kind === 1) return next(1000) - 500;
    if (kind === 2) return [null, true, false, undefined][next(4)];
    if (kind === 3 || kind === 4) return texts[next(texts.length)];
    if (kind === 5 && seen.length > 0) return seen[next(seen.length)];
    let made: object;
    if (kind <= 7) {
      const wide = next(12) === 0;
      const length = wide ? MAX_TRACE_ITEMS - 2 + next(30) : next(5);
      const list: unknown[] = [];
      list.length = length;
      for (let i = 0; i < length; i++)
        if (next(9) !== 0) list[i] = wide ? texts[next(texts.length)] : value(depth + 1);
      made = list;
    } else {
      const wide = next(15) === 0;
      const count = wide ? MAX_TRACE_ITEMS - 2 + next(30) : next(6);
      const record: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const key = wide ? `k${i}` : keys[next(keys.length)]!;
        record[key] = wide && next(2) === 0 ? texts[next(texts.length)] : value(depth + 1);
      }
      made = record;
    }
    seen.push(made);
    return made;
  };
  /** Enough values to reach MAX_TRACE_VALUES: a list of objects of many values each. */
  const large = () =>
    Array.from({ length: 40 + next(40) }, () => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < 30 + next(20); i++) row[`f${i}`] = value(MAX_TRACE_DEPTH - 1);
      return row;
    });
  return { value, large, next };
}

function scrubbers() {
  const ours = new SecretScrubber();
  const plain = new PlainScrubber();
  for (const s of [ours, plain]) {
    s.add('sk_live_abcdef');
    s.add('pw');
    s.addSecretKey('session');
  }
  return { ours, plain };
}

describe('SecretScrubber view = the view it replaced', () => {
  it('gives the same output, sharing, hits and learned secrets on generated values', () => {
    let copies = 0;
    let cut = 0;
    for (let seed = 1; seed <= 800; seed++) {
      const g = generator(seed);
      const { ours, plain } = scrubbers();
      for (let step = 0; step < 6; step++) {
        const input = step === 5 && seed % 10 === 0 ? g.large() : g.value(0);
        ours.hit = false;
        plain.hit = false;
        const a = ours.scrub(input);
        const b = plain.scrub(input);
        expect(a, `seed ${seed} step ${step}`).toStrictEqual(b);
        expect(a === input, `seed ${seed} step ${step}: shared`).toBe(b === input);
        expect(ours.hit, `seed ${seed} step ${step}: hit`).toBe(plain.hit);
        if (a !== input) copies++;
        if (JSON.stringify(a ?? null).includes('not shown: trace limit')) cut++;
      }
      // The secrets learned along the way mask the same texts.
      for (const text of [
        'hunter2hunter2',
        'say hunter2hunter2 twice',
        'session-value-1',
        'Basic dXNlcjpwYXNz',
      ])
        expect(ours.text(text), `seed ${seed}: ${text}`).toBe(plain.text(text));
    }
    // Both kinds of value are exercised: shown as they are, copied to mask, and cut at a limit.
    expect(copies).toBeGreaterThan(500);
    expect(cut).toBeGreaterThan(50);
  });
});
