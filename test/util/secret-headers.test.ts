import { describe, expect, it } from 'vitest';
import { isSecretHeader } from '../../src/util/secret-headers.js';

describe('isSecretHeader', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'x-api-client-token',
    'X-Api-Key',
    'x-twilio-signature',
    'X-Client-Secret',
  ])('treats %s as carrying a credential', (name) => expect(isSecretHeader(name)).toBe(true));

  it.each(['Content-Type', 'Accept', 'Keep-Alive', 'X-Request-Id', 'X-Okta-Verification-Challenge'])(
    'leaves %s readable',
    (name) => expect(isSecretHeader(name)).toBe(false),
  );
});
