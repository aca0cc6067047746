import { describe, expect, it } from 'vitest';
import { HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { cardsOf, floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-CREDENTIAL-LITERAL';
const HEADERS = `${floPointer(HELPER_ID)}/methods/2/node/model/inputs/data/inHead0001/value/data`;
const TEXT = `${floPointer(HELPER_ID)}/methods/1/node/model/inputs/data/inText0001/value/data`;
// Built at run time so no secret-shaped literal sits in the source.
const TOKEN = ['d8c9f2e1', 'a7b64c3d', '9e0f1a2b', '3c4d5e6f'].join('');

function withHeaders(headers: unknown) {
  const fp = validFlopack();
  cardsOf(fp, HELPER_ID)[2].node.model.inputs.data.inHead0001.value.data = headers;
  return fp;
}

function withText(text: string) {
  const fp = validFlopack();
  cardsOf(fp, HELPER_ID)[1].node.model.inputs.data.inText0001.value.data = text;
  return fp;
}

describe(CODE, () => {
  it('accepts headers built from placeholders and plain prose about auth', () => {
    expect(lintCode(withHeaders({ Authorization: 'Bearer {{{token}}}' }), CODE)).toEqual([]);
    expect(lintCode(withText('Basic authentication for {{{k1}}}'), CODE)).toEqual([]);
  });

  it('reports a static Authorization header and never repeats the secret', () => {
    const d = one(
      lintCode(
        withHeaders({ Authorization: `Basic ${Buffer.from(`AC1:${TOKEN}`).toString('base64')}` }),
        CODE,
      ),
    );
    expect(d).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting" › card "Raw Request" (rawreq0001)',
      pointer: `${HEADERS}/Authorization`,
    });
    expect(d.message).toContain('"Basic …"');
    expect(JSON.stringify(d)).not.toContain(TOKEN.slice(0, 8));
  });

  it('reports a Twilio auth token typed into a Compose', () => {
    const d = one(lintCode(withText(`https://api.twilio.com {{{k1}}} token=${TOKEN}`), CODE));
    expect(d.pointer).toBe(TEXT);
    expect(d.message).toContain('Twilio auth token');
    expect(JSON.stringify(d)).not.toContain(TOKEN);
  });

  it('reports a password in a URL and a static api key', () => {
    expect(one(lintCode(withText('https://user:hunter22@example.com/{{{k1}}}'), CODE)).message).toContain(
      'URL',
    );
    expect(one(lintCode(withHeaders({ 'X-Api-Key': 'abcdef123456' }), CODE)).pointer).toBe(
      `${HEADERS}/X-Api-Key`,
    );
  });

  it('checks values of six characters or more (no pattern matches fewer; shorter ones are skipped)', () => {
    expect(lintCode(withHeaders({ 'X-Api-Key': 'abcde' }), CODE)).toEqual([]);
    expect(lintCode(withHeaders({ 'X-Api-Key': 'abcdef' }), CODE)).toHaveLength(1);
    expect(lintCode(withHeaders({ 'X-Api-Key': ' abcdef ' }), CODE)).toHaveLength(1);
  });
});
