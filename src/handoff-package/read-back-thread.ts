import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Flo } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { Flopack } from '../flopack/types.js';
import type { DocumentCommon } from './documents.js';
import { ReadBack, type ReadBackResult } from './read-back.js';
import type { GeneratedFlow } from './types.js';

/** Where the written flows are read back (read-back.ts): on a worker thread, on this one, or whichever pays. */
export type ReadBackThread = 'auto' | 'worker' | 'here';

/** Connectors with at least this many flows are read back on a worker (starting one costs ~40 ms). */
const WORKER_FROM_FLOWS = 64;

/** What the build hands the read-back, flow by flow: the flow as built and its bytes as written. */
export interface ReadBackSink {
  flow(index: number, flo: Flo, bytes: Buffer): void;
  finish(): Promise<ReadBackResult>;
  /** Stops reading back (the build failed). */
  abandon(): void;
}

export interface ReadBackWorkerData {
  spec: ConnectorSpec;
  flows: readonly GeneratedFlow[];
  common: DocumentCommon;
  envelope: Flopack;
}

/**
 * Messages to the worker. A block of the flopack (shared memory) is posted once; flows then name their place in it
 * with numbers only, several per message: posting a view of shared memory costs ~0.5 ms, and even a small message
 * ~0.1 ms, which a 1,000-flow build would pay a thousand times.
 */
export type ReadBackRequest =
  | { type: 'block'; block: number; memory: SharedArrayBuffer }
  /** Per flow four numbers: its index, its block, where its bytes start and end in the block. */
  | { type: 'flows'; places: number[] }
  | { type: 'finish' };

/** Flows per message. */
const FLOWS_PER_MESSAGE = 32;

type ReadBackReply = { type: 'result'; result: ReadBackResult } | { type: 'error'; message: string };

// Beside this module: dist/handoff-package/ after tsc, dist/bundle/ in the CLI bundle (its own entry point). From
// source (tests) there is no compiled worker, and the flows are read back here.
const WORKER_SCRIPT = new URL('./read-back-worker.js', import.meta.url);

/**
 * The read-back of a build's flows. On a worker thread the flows are parsed from the flopack's bytes (shared memory,
 * not copied) and checked and documented there while this thread generates and writes the next ones: same checks,
 * same templates, same bytes as on this thread.
 */
export function readBackSink(
  spec: ConnectorSpec,
  flows: readonly GeneratedFlow[],
  common: DocumentCommon,
  envelope: Flopack,
  thread: ReadBackThread = 'auto',
): ReadBackSink {
  const script = fileURLToPath(WORKER_SCRIPT);
  const wanted = thread === 'worker' || (thread === 'auto' && flows.length >= WORKER_FROM_FLOWS);
  if (wanted && existsSync(script)) return workerSink(script, { spec, flows, common, envelope });
  if (thread === 'worker')
    throw new Error(`the read-back worker script is missing (${script}); run npm run build`);
  const readBack = new ReadBack(spec, flows, common);
  return {
    flow: (index, flo) => readBack.flow(index, flo),
    finish: () => Promise.resolve(readBack.finish(envelope)),
    abandon: () => undefined,
  };
}

function workerSink(script: string, data: ReadBackWorkerData): ReadBackSink {
  // A small young generation: each flow parsed back is garbage after its documents are made, and the default (tens
  // of MB of semi-spaces) only added to the process's peak memory (-30 MB on 1,000 actions, same time).
  const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  // Until the build asks for the result, the worker must not keep a failed build's process alive.
  worker.unref();
  const reply = new Promise<ReadBackResult>((resolve, reject) => {
    worker.once('message', (message: ReadBackReply) => {
      void worker.terminate();
      if (message.type === 'result') resolve(withBuffers(message.result));
      else reject(new Error(`the read-back worker failed: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the read-back worker stopped (exit code ${code})`)));
  });
  // Until finish() is called nobody awaits the reply; a failure then surfaces there.
  reply.catch(() => undefined);
  const blocks = new Map<ArrayBufferLike, number>();
  let places: number[] = [];
  const post = (request: ReadBackRequest) => worker.postMessage(request);
  const flush = () => {
    if (places.length > 0) post({ type: 'flows', places });
    places = [];
  };
  return {
    flow: (index, _flo, bytes) => {
      const memory = bytes.buffer;
      if (!(memory instanceof SharedArrayBuffer)) throw new Error('the flopack is not in shared memory');
      let block = blocks.get(memory);
      if (block === undefined) {
        flush();
        block = blocks.size;
        blocks.set(memory, block);
        post({ type: 'block', block, memory });
      }
      places.push(index, block, bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      if (places.length >= FLOWS_PER_MESSAGE * 4) flush();
    },
    finish: () => {
      flush();
      worker.ref();
      post({ type: 'finish' });
      return reply;
    },
    abandon: () => void worker.terminate(),
  };
}

/** Posted buffers arrive as plain Uint8Arrays: views again as Buffers, not copied. */
function withBuffers(result: ReadBackResult): ReadBackResult {
  const files = result.documents.files.map(({ path, content }) => {
    const bytes = content as Uint8Array;
    return { path, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  });
  return { ...result, documents: { ...result.documents, files } };
}
