/**
 * Thrown by transports when the request did not complete (network error, timeout, abort). Apart from transport.ts
 * (which re-exports it) so that code that only throws or catches it (scenario stubs, loaded by `build`) does not
 * load node:http and node:https.
 */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
  }
}
