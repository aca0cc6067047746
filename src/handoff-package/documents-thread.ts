import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Flo } from '../flopack/types.js';
import type { ConnectorSpec } from '../spec/types.js';
import { DocumentWriter, type DocumentCommon, type RenderedDocuments } from './documents.js';
import type { GeneratedFlow } from './types.js';

/** Where the build sheets and docs are made: on a worker thread, on the build's thread, or whichever pays. */
export type DocumentsThread = 'auto' | 'worker' | 'here';

/**
 * Connectors with at least this many flows make their documents on a worker. Parsing the flows back and a second
 * heap cost CPU: on two cores the worker pays from about a thousand flows (1,000 actions: 3.1 s instead of 3.35 s;
 * 3,000: 7.5 s instead of 9.8 s) and is even at 150 flows.
 */
const WORKER_FROM_FLOWS = 256;

/** What the build hands the documents, flow by flow: the flow as built and its bytes as written. */
export interface DocumentSink {
  flow(index: number, flo: Flo, bytes: Buffer): void;
  finish(): Promise<RenderedDocuments>;
  /** Stops making documents (the build failed). */
  abandon(): void;
}

export interface DocumentsWorkerData {
  spec: ConnectorSpec;
  flows: readonly GeneratedFlow[];
  common: DocumentCommon;
}

/**
 * Messages to the worker. A block of the flopack (shared memory) is posted once; flows then name their place in it
 * with numbers only, several per message: posting a view of shared memory costs ~0.5 ms, and even a small message
 * ~0.1 ms, which a 1,000-flow build would pay a thousand times.
 */
export type DocumentsRequest =
  | { type: 'block'; block: number; memory: SharedArrayBuffer }
  /** Per flow four numbers: its index, its block, where its bytes start and end in the block. */
  | { type: 'flows'; places: number[] }
  | { type: 'finish' };

/** Flows per message. */
const FLOWS_PER_MESSAGE = 32;

type DocumentsReply =
  { type: 'documents'; documents: RenderedDocuments } | { type: 'error'; message: string };

// Beside this module: dist/handoff-package/ after tsc, dist/bundle/ in the CLI bundle (its own entry point). From
// source (tests) there is no compiled worker, and the documents are made on the build's thread.
const WORKER_SCRIPT = new URL('./documents-worker.js', import.meta.url);

/**
 * The documents of a build, made flow by flow (DocumentWriter). On a worker thread each flow is parsed back from the
 * flopack's bytes (shared memory, not copied) and documented there while the build thread generates, writes and
 * checks the next ones: the same models and templates as on the build's thread, so the same bytes.
 */
export function documentSink(
  spec: ConnectorSpec,
  flows: readonly GeneratedFlow[],
  common: DocumentCommon,
  thread: DocumentsThread = 'auto',
): DocumentSink {
  const script = fileURLToPath(WORKER_SCRIPT);
  const wanted = thread === 'worker' || (thread === 'auto' && flows.length >= WORKER_FROM_FLOWS);
  if (wanted && existsSync(script)) return workerSink(script, { spec, flows, common });
  if (thread === 'worker')
    throw new Error(`the documents' worker script is missing (${script}); run npm run build`);
  const writer = new DocumentWriter(spec, flows, common);
  return {
    flow: (index, flo) => writer.flow(index, flo),
    finish: () => Promise.resolve(writer.finish()),
    abandon: () => undefined,
  };
}

function workerSink(script: string, data: DocumentsWorkerData): DocumentSink {
  // A small young generation: each flow parsed back is garbage once documented, and the default (tens of MB of
  // semi-spaces) only added to the process's peak memory (-30 MB on 1,000 actions, same time).
  const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  // Until the build asks for the documents, the worker must not keep a failed build's process alive.
  worker.unref();
  const reply = new Promise<RenderedDocuments>((resolve, reject) => {
    worker.once('message', (message: DocumentsReply) => {
      void worker.terminate();
      if (message.type === 'documents') resolve(withBuffers(message.documents));
      else reject(new Error(`the documents' worker failed: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the documents' worker stopped (exit code ${code})`)));
  });
  // Until finish() is called nobody awaits the reply; a failure then surfaces there.
  reply.catch(() => undefined);
  const blocks = new Map<ArrayBufferLike, number>();
  let places: number[] = [];
  const post = (request: DocumentsRequest) => worker.postMessage(request);
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
function withBuffers(documents: RenderedDocuments): RenderedDocuments {
  const files = documents.files.map(({ path, content }) => {
    const bytes = content as Uint8Array;
    return { path, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  });
  return { ...documents, files };
}
