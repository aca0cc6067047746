import { describe, expect, it } from 'vitest';
import {
  actionNameProblem,
  deriveMachineName,
  humanize,
  kebab,
  machineNameProblem,
  printable,
} from '../../src/init/names.js';

describe('action names (Okta CBDE000003H: letters, numbers and spaces only)', () => {
  it.each(['Send Message', 'Get 2 Items', 'X', 'List  Contacts', 'v2 Lookup'])('accepts %j', (name) => {
    expect(actionNameProblem(name)).toBeUndefined();
  });
  it.each([
    ['Send-Message', 'letters, numbers and spaces only'],
    ['Send_Message', 'letters, numbers and spaces only'],
    [' Send', 'letters, numbers and spaces only'],
    ['Send ', 'letters, numbers and spaces only'],
    ['', 'letters, numbers and spaces only'],
    ['_authping', 'letters, numbers and spaces only'],
    ['Café Order', 'letters, numbers and spaces only'],
    ['../../etc', 'letters, numbers and spaces only'],
    ['Send\nMessage', 'letters, numbers and spaces only'],
    ['Custom API Action', 'CBDE000001H'],
    ['custom api action', 'CBDE000001H'],
    ['httpHelper', 'CBDE000001H'],
    ['A'.repeat(101), 'longer than 100'],
  ])('rejects %j', (name, why) => {
    expect(actionNameProblem(name)).toContain(why);
  });
  it('shows control characters escaped in the message', () => {
    expect(actionNameProblem('a\u0000b')).toContain('a\\u0000b');
  });
});

describe('machine names', () => {
  it.each(['twilio', 'acme_crm', 'a1', 'x'.repeat(50)])('accepts %j', (n) =>
    expect(machineNameProblem(n)).toBeUndefined(),
  );
  it.each(['Acme', '1acme', '_acme', 'a', 'acme-crm', '../x', 'a/b', 'x'.repeat(51), 'acme\u0000'])(
    'rejects %j',
    (n) => expect(machineNameProblem(n)).toMatch(/not a valid machine name/),
  );
  it.each([
    ['Acme CRM', 'acme_crm'],
    ["Acme CRM's API", 'acme_crms_api'],
    ['  Zürich Öffentlicher Verkehr ', 'zurich_offentlicher_verkehr'],
    ['2nd Brain', undefined],
    ['../../etc/passwd', 'etc_passwd'],
    ['日本', undefined],
    ['x', undefined],
  ])('derives %j -> %j', (text, name) => expect(deriveMachineName(text)).toBe(name));
});

describe('labels and file names', () => {
  it('humanizes keys, upper-casing common acronyms', () => {
    expect(humanize('accountSid')).toBe('Account SID');
    expect(humanize('contact_id')).toBe('Contact ID');
    expect(humanize('acme_crm')).toBe('Acme Crm');
  });
  it('kebab-cases action names into safe file stems', () => {
    expect(kebab('Send Message')).toBe('send-message');
    expect(kebab('List  Contacts 2')).toBe('list-contacts-2');
  });
  it('truncates long values in messages', () => {
    expect(printable('x'.repeat(200))).toHaveLength(80);
  });
});
