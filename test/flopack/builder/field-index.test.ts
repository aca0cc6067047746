import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../../../src/flopack/builder/field-index.js';

describe('FieldIndex', () => {
  it('finds fields by group and key, an empty group being no group', () => {
    const index = new FieldIndex<string>();
    expect(index.add(null, 'id', 'plain id')).toBe(true);
    expect(index.add('body', 'id', 'body id')).toBe(true);
    expect(index.get(null, 'id')).toBe('plain id');
    expect(index.get(undefined, 'id')).toBe('plain id');
    expect(index.get('', 'id')).toBe('plain id');
    expect(index.get('body', 'id')).toBe('body id');
    expect(index.get('query', 'id')).toBeUndefined();
    expect(index.get(null, 'name')).toBeUndefined();
  });

  it('refuses a taken slot and keeps the first field', () => {
    const index = new FieldIndex<string>();
    index.add('g', 'k', 'first');
    index.add(undefined, 'k', 'ungrouped');
    expect(index.add('g', 'k', 'second')).toBe(false);
    expect(index.add('', 'k', 'again')).toBe(false);
    expect(index.get('g', 'k')).toBe('first');
    expect(index.get(null, 'k')).toBe('ungrouped');
  });

  it('keeps a grouped key apart from an ungrouped key that spells the same slot', () => {
    const index = new FieldIndex<string>();
    index.add('a', 'b', 'grouped');
    expect(index.add(null, 'a\u0000b', 'ungrouped')).toBe(true);
    expect(index.get('a', 'b')).toBe('grouped');
    expect(index.get(null, 'a\u0000b')).toBe('ungrouped');
  });
});
