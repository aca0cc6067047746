import { describe, expect, it } from 'vitest';
import { lintFile, lintFlopack } from '../../src/lint/index.js';
import { sample, sampleNames, SAMPLES_DIR } from './helpers.js';

/**
 * Every real export must lint without errors. The warnings below are the ones the samples really deserve:
 * - OC-FLOPACK-CHECKSUM: 1.3.0 exports carry a checksum that hand edits may invalidate (reference §1.1).
 * - OC-FLOPACK-PREVIEW: in flows whose For Each runs an inline child flow, Okta's preview lists the child's
 *   cards instead of the flow's own (17 entries for 2 cards): out of sync, cosmetic.
 * - OC-FLOPACK-JOIN-KEY: the Join of "Validate Email Domains…" keeps a join for an input that no longer exists.
 */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'intro_custom_api_actions.flopack': ['OC-FLOPACK-PREVIEW'],
  'make_api_requests_http_card.flopack': [],
  'process_batched_okta_events_from_an_event_hook.flopack': [],
  'raw_http_connection_gsuite.flopack': [],
  'remove_user_from_all_non_built_in_okta_groups.flopack': [],
  'send_sms_via_twilio.flopack': [],
  'slack_user_details_with_capia.flow': ['OC-FLOPACK-CHECKSUM', 'OC-FLOPACK-PREVIEW'],
  'telephony_inline_hook_whatsapp_sms.flow': ['OC-FLOPACK-CHECKSUM'],
  'validate_email_domain_using_registration_inline_ho.flopack': [
    'OC-FLOPACK-CHECKSUM',
    'OC-FLOPACK-JOIN-KEY',
  ],
};

describe('lint on the real Okta exports', () => {
  it('covers every sample', () => {
    expect(sampleNames()).toEqual(Object.keys(EXPECTED_WARNINGS).sort());
  });

  for (const name of sampleNames()) {
    it(`${name}: no errors, only the expected warnings`, async () => {
      const found = await lintFile(`${SAMPLES_DIR}${name}`, { displayName: name });
      expect(found.filter((d) => d.severity === 'error')).toEqual([]);
      expect(found.map((d) => d.code).sort()).toEqual(EXPECTED_WARNINGS[name]);
      for (const d of found) {
        expect(d.file).toBe(name);
        expect(d.line).toBe(1); // the exports are single-line JSON
        expect(d.column).toBeGreaterThan(1);
      }
    });
  }

  it('locates the stale join in validate_email_domain…', async () => {
    const name = 'validate_email_domain_using_registration_inline_ho.flopack';
    const [join] = (await lintFile(`${SAMPLES_DIR}${name}`)).filter((d) => d.code === 'OC-FLOPACK-JOIN-KEY');
    expect(join?.where).toBe('flow "Validate Email Domains During Registration " › card "Join" (_WahZ4ADPI)');
    const text = JSON.stringify(sample(name));
    expect(text.slice(0, join!.column! - 1).endsWith('"joins":{"u3vc3M76N":')).toBe(true);
  });

  it('names inline scopes and hidden path cards in `where`', () => {
    const fp = sample('telephony_inline_hook_whatsapp_sms.flow');
    const errorFlo =
      fp.data.flos['acb97854-28ed-47ee-82fa-b1f698b5e00d'].data.methods[10].node.model.policy.error.flo;
    errorFlo.orderings.bad = ['JttIdReh0x', 'nowhere'];
    const [d] = lintFlopack(fp).filter((x) => x.code === 'OC-FLOPACK-ORDERING');
    expect(d?.where).toBe('flow "Telephony Inline" › card "If Error" (0j7IAkWYM) › on error');
  });

  it('runs the Connector Builder checks on a sample when forced, without crashing', () => {
    const found = lintFlopack(sample('remove_user_from_all_non_built_in_okta_groups.flopack'), {
      connector: true,
    });
    // "Remove User from all Groups" is the one action flow (the helper is called by it); its name is fine.
    expect(found.filter((d) => d.code.startsWith('CBDE') || d.code.startsWith('OC-CB'))).toEqual([]);
    const twilio = lintFlopack(sample('send_sms_via_twilio.flopack'), { connector: true });
    expect(twilio.map((d) => d.code)).toEqual(['CBDE000003H']); // "SUB - Send SMS via Twilio" has a hyphen
  });
});
