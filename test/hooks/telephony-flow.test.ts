import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeFlopack } from '../../src/flopack/serialize.js';
import type { Card, Flopack } from '../../src/flopack/types.js';
import { generateTelephonyFolder } from '../../src/hooks/telephony-flow.js';
import { lintFlopack } from '../../src/lint/index.js';
import { DEFAULT_OKTA_TOKEN } from '../../src/mock/okta/index.js';
import { DEFAULT_CREDENTIALS } from '../../src/mock/twilio/index.js';
import { loadValidSpec } from '../../src/spec/validate.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { oktaWorkflowsSample } from '../support/fixtures.js';

const { spec } = await loadValidSpec(
  new URL('../../connectors/twilio/connector.yaml', import.meta.url).pathname,
);
const sample = JSON.parse(
  readFileSync(oktaWorkflowsSample('telephony_inline_hook_whatsapp_sms.flow'), 'utf8'),
) as Flopack;
const generate = (extra: Partial<Parameters<typeof generateTelephonyFolder>[0]> = {}) =>
  generateTelephonyFolder({ spec, accountSid: DEFAULT_CREDENTIALS.accountSid, ...extra });

/** Every card, inline flos (If Error branches) included. */
function allCards(flopack: Flopack): Card[] {
  const out: Card[] = [];
  const walk = (cards: Card[]) => {
    for (const c of cards) {
      out.push(c);
      for (const io of Object.values(c.node.model.inputs.data))
        if (io.value.type === 'flo' && typeof io.value.data === 'object' && io.value.data)
          walk((io.value.data as { methods: Card[] }).methods);
      const policy = c.node.model.policy.error;
      if (policy.type === 'handler' && policy.flo) walk(policy.flo.methods);
    }
  };
  for (const flo of Object.values(flopack.data.flos)) walk(flo.data.methods);
  return out;
}

describe('hook telephony flow', () => {
  it('passes lint and is byte-for-byte deterministic', () => {
    const a = serializeFlopack(generate().flopack);
    expect(serializeFlopack(generate().flopack)).toBe(a);
    expect(lintFlopack(JSON.parse(a))).toEqual([]);
  });

  it('is an API Endpoint flow secured with a client token, with connection placeholders only', () => {
    const { flopack, flowId } = generate();
    const flo = flopack.data.flos[flowId]!;
    expect(flopack.version).toBe('1.5.0');
    expect(flo.data.security_level).toBe('medium');
    expect(flo.data.methods[0]!.address).toBe('root:kernel:http:0.0.1:accept');
    const configs = Object.values(flopack.data.configs);
    expect(configs.map((c) => [c.name, c.module, c.data])).toEqual([
      ['Okta', 'okta', null],
      ['Twilio', 'httpfunctions', null],
    ]);
    const text = serializeFlopack(flopack);
    for (const secret of [
      DEFAULT_OKTA_TOKEN,
      DEFAULT_CREDENTIALS.apiKeySecret,
      DEFAULT_CREDENTIALS.authToken,
    ])
      expect(text).not.toContain(secret);
  });

  it("reads the user with the Okta connector's Read User card, shaped like the published flow's", () => {
    const { flopack } = generate();
    const ours = allCards(flopack).find((c) => c.node.key === 'readUser')!;
    const theirs = allCards(sample).find((c) => c.node.key === 'readUser')!;
    expect(ours.address).toBe(theirs.address);
    expect(ours.parents).toEqual(theirs.parents);
    expect(Object.keys(ours.node.model)).toEqual(Object.keys(theirs.node.model));
    const fields = (card: Card, side: 'inputs' | 'outputs') =>
      Object.values(card.node.model[side].data).map((f) => [f.group, f.key, f.value.type]);
    expect(fields(ours, 'inputs')).toEqual(fields(theirs, 'inputs'));
    expect(fields(ours, 'outputs')).toEqual(fields(theirs, 'outputs'));
    expect(flopack.data.configs[ours.node.model.config!]!.module).toBe('okta');
  });

  it("uses Okta's field names and a constant response type (not requestType)", () => {
    const { flopack } = generate();
    const text = JSON.stringify(flopack);
    expect(text).toContain('"msgTemplate"');
    expect(text).toContain('"otpCode"');
    expect(text).not.toContain('messageTemplate');
    expect(text).not.toContain('requestType');
    const typeInput = allCards(flopack)
      .flatMap((c) => Object.values(c.node.model.inputs.data))
      .find((f) => f.key === 'type');
    expect(typeInput?.value.data).toBe('com.okta.telephony.action');
  });

  it('builds the Twilio request from the spec: URL with the account SID, form bodies with encoded literals', () => {
    const { flopack } = generate({ smsFrom: '+15017122661', optInAttribute: 'prefersWhatsApp' });
    const cards = allCards(flopack);
    const url = cards
      .flatMap((c) => Object.values(c.node.model.inputs.data))
      .find((f) => f.key === 'URL' && f.group === 'Request');
    expect(url?.value.data).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${DEFAULT_CREDENTIALS.accountSid}/Messages.json`,
    );
    const texts = cards
      .filter((c) => c.node.key === 'compose')
      .map((c) => {
        const t = Object.values(c.node.model.inputs.data).find((f) => f.key === '_text_');
        return String(t?.value.data);
      });
    expect(
      texts.some((t) =>
        /^To=whatsapp%3A\{\{\{\w+\}\}\}&From=whatsapp%3A%2B14155238886&Body=\{\{\{\w+\}\}\}$/.test(t),
      ),
    ).toBe(true);
    expect(texts.some((t) => /^To=\{\{\{\w+\}\}\}&From=%2B15017122661&Body=\{\{\{\w+\}\}\}$/.test(t))).toBe(
      true,
    );
    const reader = cards.find((c) => c.node.key === 'readUser')!;
    expect(Object.values(reader.node.model.outputs.data).some((f) => f.key === 'prefersWhatsApp')).toBe(true);
  });

  it('refuses a spec without the actions it needs', () => {
    const broken: ConnectorSpec = {
      ...spec,
      actions: spec.actions.filter((a) => a.name !== 'Send WhatsApp'),
    };
    expect(() =>
      generateTelephonyFolder({ spec: broken, accountSid: DEFAULT_CREDENTIALS.accountSid }),
    ).toThrow(/has no action "Send WhatsApp"/);
  });
});
