import { parentPort, workerData } from 'node:worker_threads';
import { forgetReadings } from '../flopack/read/index.js';
import { compactJson } from '../flopack/serialize.js';
import { generatedFlow, planConnector } from '../generate/index.js';
import { DocumentWriter, type FlowDocuments } from './documents.js';
import { FlowChecks } from './flow-checks.js';
import type { PostedFlow, SplitMessage, SplitWorkerData } from './flow-split.js';

/**
 * The build's worker thread (flow-split.ts): takes flows from the back of the plan while the build thread takes them
 * from the front, and generates, serializes, checks and documents each as the build thread does. Its flows go to
 * the build thread a few at a time.
 */
const FLOWS_PER_MESSAGE = 16;

const port = parentPort!;
const post = (message: SplitMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function buildFlowsFromTheBack(): void {
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
    // As the build thread does (build.ts): this flow's reading is no longer needed.
    forgetReadings();
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
}

interface Built {
  index: number;
  floId: string;
  text: string;
  documents: FlowDocuments;
}

/**
 * Moves the flows to the build thread in two buffers: their bytes (copied into the flopack there, then garbage) and
 * their build-sheet sections (kept until the sheets are written). One buffer for both kept every flow's bytes alive.
 */
function postFlows(batch: Built[]): void {
  if (batch.length === 0) return;
  const flos = new Packer(batch.reduce((sum, b) => sum + Buffer.byteLength(b.text), 0));
  const sections = new Packer(
    batch.reduce((sum, b) => sum + byteLength(b.documents.md) + byteLength(b.documents.html), 0),
  );
  const flows: PostedFlow[] = batch.map(({ index, floId, text, documents }) => ({
    index,
    floId,
    flo: flos.place(text),
    md: sections.place(documents.md),
    html: sections.place(documents.html),
    summary: documents.summary,
    ...(documents.checks ? { checks: documents.checks } : {}),
  }));
  post({ type: 'flows', flos: flos.memory, sections: sections.memory, flows }, [
    flos.memory,
    sections.memory,
  ]);
}

/** Pieces written one after the other into memory of its own (never Node's shared pool), so that it can be moved. */
class Packer {
  readonly memory: ArrayBuffer;
  private readonly bytes: Buffer;
  private used = 0;

  constructor(size: number) {
    this.memory = new ArrayBuffer(size);
    this.bytes = Buffer.from(this.memory);
  }

  /** Writes a text (UTF-8) or buffers; returns [start, end) of what it wrote. */
  place(parts: string | readonly Buffer[]): [number, number] {
    const start = this.used;
    if (typeof parts === 'string') this.used += this.bytes.write(parts, this.used);
    else for (const part of parts) this.used += part.copy(this.bytes, this.used);
    return [start, this.used];
  }
}

function byteLength(parts: readonly Buffer[]): number {
  return parts.reduce((sum, part) => sum + part.length, 0);
}

// Last, once every declaration above exists.
try {
  buildFlowsFromTheBack();
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
