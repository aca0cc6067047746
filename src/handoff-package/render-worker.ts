import { parentPort, workerData } from 'node:worker_threads';
import { generateConnector } from '../generate/index.js';
import type { ConnectorSpec } from '../spec/types.js';
import type { ToolInfo } from '../util/tool-info.js';
import { renderDocuments } from './package.js';

/**
 * Worker entry (documents-worker.ts starts it): renders the build sheets and docs of a large connector on the
 * second core while the main thread serializes and lints the flopack. It generates the flopack again from the
 * validated spec rather than receiving it: generation is deterministic, and copying a 1,000-action object graph
 * between threads costs more than building it.
 */
const { spec, tool } = workerData as { spec: ConnectorSpec; tool: ToolInfo };
const { flopack, flows } = generateConnector(spec);
const documents = renderDocuments({ spec, flopack, flows, tool });
// Every file in one buffer handed over (transferred, not copied): small files share Node's buffer pool, which
// cannot be transferred, and a copy would hold the documents twice until this thread ends.
const size = documents.files.reduce((sum, f) => sum + f.content.length, 0);
const packed = new Uint8Array(new ArrayBuffer(size));
let offset = 0;
const files = documents.files.map((f) => {
  packed.set(f.content, offset);
  const entry = { path: f.path, offset, length: f.content.length };
  offset += f.content.length;
  return entry;
});
parentPort!.postMessage({ files, flows: documents.flows, bytes: packed.buffer }, [packed.buffer]);
