import { describe, expect, it } from 'vitest';
import { isDroppable, optionalIn, optionalRefs } from '../../src/spec/empty-values.js';
import { withSpec } from './helpers.js';

const spec = withSpec((s) => {
  s.connectionParameters!.push({ key: 'region', label: 'Region', type: 'text', required: false });
});
const optional = optionalIn(spec, spec.actions[0]);

describe('empty-values: which values may be left out', () => {
  it('knows optional inputs, options and connection parameters', () => {
    expect(optional('inputs', 'to')).toBe(false);
    expect(optional('inputs', 'body')).toBe(true);
    expect(optional('options', 'from')).toBe(false);
    expect(optional('connection', 'accountId')).toBe(false);
    expect(optional('connection', 'region')).toBe(true);
    expect(optionalIn(spec, undefined)('connection', 'region')).toBe(true);
  });

  it('lists each optional placeholder once, in order', () => {
    expect(optionalRefs('${inputs.body}-${inputs.to}-${connection.region}-${inputs.body}', optional)).toEqual(
      [
        { source: 'inputs', key: 'body' },
        { source: 'connection', key: 'region' },
      ],
    );
  });

  it('drops strings with an optional placeholder and objects made only of such; never literals or lists', () => {
    expect(isDroppable('pre ${inputs.body}', optional)).toBe(true);
    expect(isDroppable('${inputs.to}', optional)).toBe(false);
    expect(isDroppable(null, optional)).toBe(false);
    expect(isDroppable({}, optional)).toBe(false);
    expect(isDroppable({ a: '${inputs.body}', b: { c: '${connection.region}' } }, optional)).toBe(true);
    expect(isDroppable({ a: '${inputs.body}', b: 1 }, optional)).toBe(false);
    expect(isDroppable(['${inputs.body}'], optional)).toBe(false);
  });
});
