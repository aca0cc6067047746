import type { IncomingMessage } from 'node:http';

export type BodyErrorKind = 'too-large' | 'timeout' | 'aborted';

/** Why a request body could not be read; the server answers (or not, for `aborted`) and keeps serving. */
export class BodyError extends Error {
  override name = 'BodyError';
  constructor(
    readonly kind: BodyErrorKind,
    readonly limit: number,
  ) {
    super(`request body ${kind}`);
  }
}

export interface ReadBodyOptions {
  /** Largest body accepted, in bytes. */
  limit: number;
  /** How long the whole body may take to arrive; a dawdling client gets `timeout`. */
  timeoutMs: number;
  /**
   * An oversized body is drained (discarded) up to this many bytes so the client can finish sending and read
   * the 413; beyond it the connection is cut. Default: 16 × limit.
   */
  drainLimit?: number;
}

/** Reads the whole body into one Buffer, with a size cap and a deadline. */
export function readBody(req: IncomingMessage, opts: ReadBodyOptions): Promise<Buffer> {
  const drainLimit = opts.drainLimit ?? opts.limit * 16;
  const declared = Number(req.headers['content-length']);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: BodyError | null, body?: Buffer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('aborted', onAbort).off('error', onAbort);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(body ?? Buffer.alloc(0));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        finish(new BodyError('too-large', opts.limit));
        req.destroy();
        return;
      }
      if (size <= opts.limit) chunks.push(chunk);
    };
    const onEnd = () =>
      size > opts.limit
        ? finish(new BodyError('too-large', opts.limit))
        : finish(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    const onAbort = () => finish(new BodyError('aborted', opts.limit));
    const onClose = () => {
      if (!req.complete) onAbort();
    };
    const timer = setTimeout(() => finish(new BodyError('timeout', opts.limit)), opts.timeoutMs);
    timer.unref();
    if (Number.isFinite(declared) && declared > drainLimit) {
      // Refuse at once: no point in draining a body we already know is far too big.
      finish(new BodyError('too-large', opts.limit));
      return;
    }
    req.on('data', onData).on('end', onEnd).on('aborted', onAbort).on('error', onAbort);
    req.on('close', onClose);
  });
}
