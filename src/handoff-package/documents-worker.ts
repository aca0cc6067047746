import { parentPort, workerData } from 'node:worker_threads';
import type { Flo } from '../flopack/types.js';
import { DocumentWriter } from './documents.js';
import type { DocumentsRequest, DocumentsWorkerData } from './documents-thread.js';

/**
 * The documents' worker thread (documents-thread.ts): parses each flow from the flopack's bytes as the build thread
 * writes them, and makes its build-sheet sections and docs facts there while the build thread goes on.
 */
const { spec, flows, common } = workerData as DocumentsWorkerData;
const writer = new DocumentWriter(spec, flows, common);
const port = parentPort!;
/** The flopack's blocks (shared memory), as the build thread posts them. */
const blocks: Buffer[] = [];
port.on('message', (request: DocumentsRequest) => {
  try {
    if (request.type === 'block') {
      blocks[request.block] = Buffer.from(request.memory);
      return;
    }
    if (request.type === 'flows') {
      const { places } = request;
      for (let i = 0; i < places.length; i += 4) {
        const [index, block, start, end] = places.slice(i, i + 4) as [number, number, number, number];
        writer.flow(index, JSON.parse(blocks[block]!.toString('utf8', start, end)) as Flo);
      }
      return;
    }
    const documents = writer.finish();
    // One buffer per file, moved to the build thread rather than copied (the build sheets of 1,000 actions are
    // ~25 MB). Parts rendered from short strings share Node's pool, which cannot be moved: small files are copied.
    const files = documents.files.map((f) => ({ path: f.path, content: Buffer.concat(partsOf(f.content)) }));
    const movable = files
      .map((f) => f.content)
      .filter((b) => b.byteOffset === 0 && b.buffer.byteLength === b.byteLength && b.byteLength > 0)
      .map((b) => b.buffer as ArrayBuffer);
    port.postMessage({ type: 'documents', documents: { ...documents, files } }, movable);
  } catch (error) {
    port.postMessage({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

function partsOf(content: string | Buffer | readonly Buffer[]): Buffer[] {
  if (typeof content === 'string') return [Buffer.from(content, 'utf8')];
  return Buffer.isBuffer(content) ? [content] : [...content];
}
