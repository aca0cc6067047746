import { describe, expect, it } from 'vitest';
import { duplicateFlowNames } from '../../../src/spec/rules/duplicate-flow-names.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('duplicate-flow-names (CBDE000001H)', () => {
  it('accepts distinct names', () => {
    expect(runRule(duplicateFlowNames, baseSpec())).toEqual([]);
  });

  it.each([
    ['Send Message', 'action 1 ("Send Message")'],
    ['send message', 'action 1 ("Send Message")'],
    ['httpHelper', 'the generated httpHelper flow'],
    ['Custom API Action', 'the generated Custom API Action flow'],
  ])('reports a second flow named %j', (name, clash) => {
    const spec = withSpec((s) => s.actions.push({ ...s.actions[0]!, name }));
    const [finding, ...rest] = runRule(duplicateFlowNames, spec);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'CBDE000001H', severity: 'error', pointer: '/actions/1/name' });
    expect(finding!.message).toContain(clash);
  });

  it('allows an action named Custom API Action when the generated one is turned off', () => {
    const spec = withSpec((s) => {
      s.customApiAction = false;
      s.actions[0]!.name = 'Custom API Action';
    });
    expect(runRule(duplicateFlowNames, spec)).toEqual([]);
  });
});
