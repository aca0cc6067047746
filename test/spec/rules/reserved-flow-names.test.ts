import { describe, expect, it } from 'vitest';
import { reservedFlowNames } from '../../../src/spec/rules/reserved-flow-names.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('reserved-flow-names (CBDE000004H–7H)', () => {
  it('accepts ordinary names', () => {
    expect(runRule(reservedFlowNames, baseSpec())).toEqual([]);
  });

  it('rejects an action named _authping as a second Authping flow', () => {
    const codes = runRule(
      reservedFlowNames,
      withSpec((s) => (s.actions[0]!.name = '_authping')),
    ).map((f) => f.code);
    expect(codes).toEqual(['CBDE000005H', 'CBDE000004H']);
  });

  it('rejects _revoke, and flags a duplicate when OAuth already generates one', () => {
    const plain = runRule(
      reservedFlowNames,
      withSpec((s) => (s.actions[0]!.name = '_revoke')),
    );
    expect(plain.map((f) => f.code)).toEqual(['CBDE000007H']);
    const oauth = withSpec((s) => {
      s.actions[0]!.name = '_revoke';
      s.authentication = {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: 'https://a.test/t',
        revokeUrl: 'https://a.test/r',
      };
    });
    expect(runRule(reservedFlowNames, oauth).map((f) => f.code)).toEqual(['CBDE000007H', 'CBDE000006H']);
  });
});
