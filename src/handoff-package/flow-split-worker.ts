import { parentPort, workerData } from 'node:worker_threads';
import { compactJson } from '../flopack/serialize.js';
import { generatedFlow, planConnector } from '../generate/index.js';
import { DocumentWriter, type FlowDocuments } from './documents.js';
import { FlowChecks } from './flow-checks.js';
import type { PostedFlow, SplitMessage, SplitWorkerData } from './flow-split.js';

/**
 * The build's worker thread (flow-split.ts): takes flows from the back of the plan while the build thread takes them
 * from the front, and generates, serializes, checks and documents each as the build thread does. Its flows go to
 * the build thread a few at a time, in one moved buffer per message.
 */
const FLOWS_PER_MESSAGE = 16;

const port = parentPort!;
const post = (message: SplitMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const { spec, common, file, taken } = workerData as SplitWorkerData;
  const plan = planConnector(spec);
  const documents = new DocumentWriter(spec, plan.flows.map(generatedFlow), common);
  const checks = new FlowChecks(file);
  const count = new Int32Array(taken);
  const flowCount = plan.flows.length;
  let batch: Built[] = [];
  for (let back = 0; Atomics.add(count, 0, 1) < flowCount; back++) {
    const index = flowCount - 1 - back;
    const planned = plan.flows[index]!;
    const flo = planned.build();
    checks.check(planned.floId, flo);
    batch.push({
      index,
      floId: planned.floId,
      text: compactJson(flo),
      documents: documents.render(index, flo),
    });
    if (batch.length === FLOWS_PER_MESSAGE) {
      postFlows(batch);
      batch = [];
    }
  }
  postFlows(batch);
  const lint = checks.lint.part();
  // This thread read its flows from the back: the build thread's lint takes them in data.flos order.
  lint.summaries.reverse();
  post({ type: 'done', lint, lintErrors: checks.lintErrors, credentials: checks.credentials });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

interface Built {
  index: number;
  floId: string;
  text: string;
  documents: FlowDocuments;
}

/** Writes the flows' bytes and build-sheet sections into one buffer and moves it to the build thread. */
function postFlows(batch: Built[]): void {
  if (batch.length === 0) return;
  const size = batch.reduce(
    (sum, b) => sum + Buffer.byteLength(b.text) + byteLength(b.documents.md) + byteLength(b.documents.html),
    0,
  );
  // Its own memory (never Node's shared pool), so that it can be moved.
  const memory = Buffer.allocUnsafeSlow(size);
  let used = 0;
  const place = (parts: string | readonly Buffer[]): [number, number] => {
    const start = used;
    if (typeof parts === 'string') used += memory.write(parts, used);
    else for (const part of parts) used += part.copy(memory, used);
    return [start, used];
  };
  const flows: PostedFlow[] = batch.map(({ index, floId, text, documents }) => ({
    index,
    floId,
    flo: place(text),
    md: place(documents.md),
    html: place(documents.html),
    summary: documents.summary,
    ...(documents.checks ? { checks: documents.checks } : {}),
  }));
  const buffer = memory.buffer as ArrayBuffer;
  post({ type: 'flows', memory: buffer, flows }, [buffer]);
}

function byteLength(parts: readonly Buffer[]): number {
  return parts.reduce((sum, part) => sum + part.length, 0);
}
