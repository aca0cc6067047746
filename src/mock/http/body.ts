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

/** A body read still waiting for its last byte. */
interface Waiting {
  deadline: number;
  expire(): void;
}

// Deadlines are checked by one shared timer, not one timer per request: under load that is one timer, not
// one setTimeout + clearTimeout per request. A deadline fires up to a tenth of its length late.
const waiting = new Set<Waiting>();
let sweeper: NodeJS.Timeout | undefined;
let sweepEveryMs = Infinity;

function watch(w: Waiting, timeoutMs: number): void {
  waiting.add(w);
  const every = Math.max(5, Math.min(1_000, Math.ceil(timeoutMs / 10)));
  if (sweeper && every >= sweepEveryMs) return;
  if (sweeper) clearInterval(sweeper);
  sweepEveryMs = every;
  sweeper = setInterval(sweep, every);
  sweeper.unref();
}

function sweep(): void {
  const now = performance.now();
  for (const w of waiting) if (w.deadline <= now) w.expire();
  if (waiting.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
    sweepEveryMs = Infinity;
  }
}

/** Reads the whole body into one Buffer, with a size cap and a deadline. */
export function readBody(req: IncomingMessage, opts: ReadBodyOptions): Promise<Buffer> {
  const drainLimit = opts.drainLimit ?? opts.limit * 16;
  const declared = Number(req.headers['content-length']);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const w: Waiting = {
      deadline: performance.now() + opts.timeoutMs,
      expire: () => finish(new BodyError('timeout', opts.limit)),
    };
    // Listeners stay attached once done (the request is finished with): `done` makes them inert.
    const finish = (error: BodyError | null, body?: Buffer) => {
      if (done) return;
      done = true;
      waiting.delete(w);
      if (error) reject(error);
      else resolve(body ?? Buffer.alloc(0));
    };
    if (Number.isFinite(declared) && declared > drainLimit) {
      // Refuse at once: no point in draining a body we already know is far too big.
      finish(new BodyError('too-large', opts.limit));
      return;
    }
    const onAbort = () => finish(new BodyError('aborted', opts.limit));
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > drainLimit) {
        finish(new BodyError('too-large', opts.limit));
        req.destroy();
        return;
      }
      if (size <= opts.limit) chunks.push(chunk);
    });
    req.on('end', () =>
      size > opts.limit
        ? finish(new BodyError('too-large', opts.limit))
        : finish(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)),
    );
    req.on('aborted', onAbort).on('error', onAbort);
    req.on('close', () => {
      if (!req.complete) onAbort();
    });
    watch(w, opts.timeoutMs);
  });
}
