import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LintPart } from '../lint/index.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { CredentialFinding } from './credentials.js';
import type { DocumentCommon, FlowDocuments, FlowSummary } from './documents.js';

/**
 * Which threads build a connector's flows: this one alone (the default), or this one and a worker. Measured on two
 * cores (docs/performance-history.md, note ³): two threads are even at 1,000 actions and ~15% faster at 3,000, but
 * the second isolate, its warm-up and the worker's flows held until this thread's are written cost ~45 MB more at
 * 1,000 actions and ~150 MB at 3,000; the second core is already busy with V8's background compilation, the
 * garbage collector and the flopack's compression.
 */
export type BuildThreads = 'one' | 'two';

/** What the worker thread starts with (flow-split-worker.ts). It plans the connector from the spec itself. */
export interface SplitWorkerData {
  spec: ConnectorSpec;
  common: DocumentCommon;
  /** The flopack's file name, for the lint's diagnostics. */
  file: string;
  /** One Int32: how many flows the two threads have taken so far. */
  taken: SharedArrayBuffer;
}

/** Where a flow the worker built lies in its message's memory, and what else the build keeps of it. */
export interface PostedFlow {
  index: number;
  floId: string;
  /** [start, end) of its bytes as the flopack holds them (compactJson), in `flos`. */
  flo: [number, number];
  /** [start, end) of its sections of BUILD.md and build.html, in `sections`. */
  md: [number, number];
  html: [number, number];
  summary: FlowSummary;
  checks?: string[];
}

/**
 * Messages from the worker: its flows several at a time (their bytes in one moved buffer, their build-sheet sections
 * in another), then the rest of its findings.
 */
export type SplitMessage =
  | { type: 'flows'; flos: ArrayBuffer; sections: ArrayBuffer; flows: PostedFlow[] }
  | { type: 'done'; lint: LintPart; lintErrors: Diagnostic[]; credentials: CredentialFinding[] }
  | { type: 'error'; message: string };

/** A flow the worker built: its bytes and its documents. */
export interface WorkerFlow {
  index: number;
  floId: string;
  bytes: Buffer;
  documents: FlowDocuments;
}

/** Everything the worker did: its flows in order, its lint's part (to absorb) and its findings. */
export interface WorkerPart {
  flows: WorkerFlow[];
  lint: LintPart;
  lintErrors: Diagnostic[];
  credentials: CredentialFinding[];
}

/**
 * A build's flows shared between this thread and, for large connectors, a worker. Each thread takes one flow at a
 * time from a shared count: this one from the front (0, 1, 2, …), the worker from the back (n-1, n-2, …), so the
 * flows a thread takes stay in one run and a thread that starts late or runs slower simply takes fewer. The worker
 * generates, serializes, checks and documents its flows exactly as this thread does its own, from the same plan.
 */
export interface FlowSplit {
  /** The index of this thread's next flow; undefined once every flow is taken. */
  next(): number | undefined;
  /** Once this thread has taken its last flow: the worker's, which are all the flows after it (none on one thread). */
  rest(): Promise<WorkerPart | undefined>;
  /** Stops the worker (the build failed). */
  abandon(): void;
}

// Beside this module: dist/handoff-package/ after tsc, dist/bundle/ in the CLI bundle (its own entry point). From
// source (tests) there is no compiled worker, and every flow is built on this thread.
const WORKER_SCRIPT = new URL('./flow-split-worker.js', import.meta.url);

export function splitFlows(
  flowCount: number,
  data: Omit<SplitWorkerData, 'taken'>,
  threads: BuildThreads = 'one',
): FlowSplit {
  const script = fileURLToPath(WORKER_SCRIPT);
  if (threads === 'two' && !existsSync(script))
    throw new Error(`the build's worker script is missing (${script}); run npm run build`);
  if (threads === 'two') return twoThreads(script, flowCount, data);
  let front = 0;
  return {
    next: () => (front < flowCount ? front++ : undefined),
    rest: () => Promise.resolve(undefined),
    abandon: () => undefined,
  };
}

function twoThreads(script: string, flowCount: number, data: Omit<SplitWorkerData, 'taken'>): FlowSplit {
  const taken = new SharedArrayBuffer(4);
  const count = new Int32Array(taken);
  const workerData: SplitWorkerData = { ...data, taken };
  const worker = new Worker(script, { workerData });
  // Until the build asks for the worker's flows, it must not keep a failed build's process alive.
  worker.unref();
  const flows: WorkerFlow[] = [];
  const part = new Promise<WorkerPart>((resolve, reject) => {
    worker.on('message', (message: SplitMessage) => {
      if (message.type === 'flows') flows.push(...received(message));
      else if (message.type === 'done') {
        flows.sort((a, b) => a.index - b.index);
        const { lint, lintErrors, credentials } = message;
        resolve({ flows, lint, lintErrors, credentials });
      } else reject(new Error(`the build's worker failed: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the build's worker stopped (exit code ${code})`)));
  });
  // Until rest() is called nobody awaits the part; a failure then surfaces there.
  part.catch(() => undefined);
  let front = 0;
  return {
    next: () => (Atomics.add(count, 0, 1) < flowCount ? front++ : undefined),
    async rest() {
      worker.ref();
      const done = await part;
      const expected = flowCount - front;
      if (done.flows.length !== expected || done.flows.some((f, i) => f.index !== front + i))
        throw new Error(
          `the build's worker returned ${done.flows.length} flows, not flows ${front} to ${flowCount - 1}`,
        );
      return done;
    },
    abandon: () => void worker.terminate(),
  };
}

/** A message's flows as views into its memory (moved to this thread, not copied). */
function received({ flos, sections, flows }: Extract<SplitMessage, { type: 'flows' }>): WorkerFlow[] {
  const view = (memory: ArrayBuffer, [start, end]: [number, number]) =>
    Buffer.from(memory, start, end - start);
  return flows.map((f) => ({
    index: f.index,
    floId: f.floId,
    bytes: view(flos, f.flo),
    documents: {
      md: [view(sections, f.md)],
      html: [view(sections, f.html)],
      summary: f.summary,
      ...(f.checks ? { checks: f.checks } : {}),
    },
  }));
}
