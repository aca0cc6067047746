import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/document.js';
import { jsonSourceDocument } from '../../src/lint/json-document.js';
import { SAMPLES_DIR } from './helpers.js';

const PRETTY = JSON.stringify(
  { a: { 'b/c': [1, { d: 'x"}]' }], e: null }, 'esc\\"key': { f: true }, list: [[], {}, 'z'] },
  null,
  2,
);

describe('jsonSourceDocument', () => {
  it('finds the same positions as the YAML-based loader', () => {
    const yaml = parseSource(PRETTY, 'x.json');
    const json = jsonSourceDocument(PRETTY, JSON.parse(PRETTY), 'x.json');
    const pointers = [
      '',
      '/a',
      '/a/b~1c/1/d',
      '/a/e',
      '/esc\\"key/f',
      '/list/2',
      '/list/1',
      '/a/missing/deeper',
      '/list/9',
    ];
    const batch = json.locateMany(pointers);
    for (const p of pointers) {
      expect(json.locate(p), p).toEqual(yaml.locate(p));
      expect(batch.get(p), p).toEqual(yaml.locate(p));
    }
  });

  it('matches the YAML loader on a real single-line export', () => {
    const text = readFileSync(`${SAMPLES_DIR}send_sms_via_twilio.flopack`, 'utf8');
    const yaml = parseSource(text, 's');
    const json = jsonSourceDocument(text, JSON.parse(text), 's');
    const p = '/data/flos/83360537-15a8-430e-b9c1-860e3bba5f1c/data/methods/7/node/model/config';
    expect(json.locate(p)).toEqual(yaml.locate(p));
    expect(json.at(p, { severity: 'error', code: 'X', message: 'm' })).toMatchObject({
      file: 's',
      line: 1,
      pointer: p,
    });
  });
});
