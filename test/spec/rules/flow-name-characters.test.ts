import { describe, expect, it } from 'vitest';
import { flowNameCharacters } from '../../../src/spec/rules/flow-name-characters.js';
import { runRule, withSpec } from '../helpers.js';

describe('flow-name-characters (CBDE000003H)', () => {
  it.each(['Send Message', 'Get Message 2', 'A'])('accepts %j', (name) => {
    expect(
      runRule(
        flowNameCharacters,
        withSpec((s) => (s.actions[0]!.name = name)),
      ),
    ).toEqual([]);
  });

  it.each([
    ['Send-Message', '"-"', 'Send Message'],
    ['Send (SMS)', '"(" ")"', 'Send SMS'],
    [' Send', 'leading or trailing spaces', 'Send'],
    ['Envoyer été', '"é"', 'Envoyer t'],
  ])('rejects %j', (name, problem, suggestion) => {
    const [finding] = runRule(
      flowNameCharacters,
      withSpec((s) => (s.actions[0]!.name = name)),
    );
    expect(finding).toMatchObject({ code: 'CBDE000003H', severity: 'error', pointer: '/actions/0/name' });
    expect(finding!.message).toContain(problem);
    expect(finding!.hint).toBe(`did you mean "${suggestion}"?`);
  });
});
