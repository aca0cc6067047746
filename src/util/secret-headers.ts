/**
 * Which HTTP headers carry credentials: the one list behind every redaction (mock request logs, simulator traces,
 * scenario reports). Matching names: the auth headers, cookies, signatures, and anything named like a token,
 * secret or key (x-api-client-token, x-api-key, ...).
 */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-twilio-signature)$|token|secret|key/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name);
}
