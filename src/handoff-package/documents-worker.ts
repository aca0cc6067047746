import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConnectorSpec } from '../spec/types.js';
import type { ToolInfo } from '../util/tool-info.js';
import type { RenderedDocuments } from './package.js';

/** What render-worker.ts posts: every file's bytes in one transferred buffer. */
export interface PackedDocuments {
  files: Array<{ path: string; offset: number; length: number }>;
  flows: RenderedDocuments['flows'];
  bytes: ArrayBuffer;
}

/** Below this many actions the documents render on the main thread: a worker's start-up would cost more. */
export const WORKER_MIN_ACTIONS = 40;

/** The compiled worker beside this module (dist/handoff-package/ or the CLI bundle, dist/bundle/). */
const WORKER = new URL('./render-worker.js', import.meta.url);

/**
 * Starts rendering the documents of a large connector on a worker thread; undefined when the connector is small
 * or no compiled worker exists (running from source, as the tests do), and the caller renders them itself.
 * `cancel` stops the worker when the build fails before it needs the documents.
 */
export function startDocumentsWorker(
  spec: ConnectorSpec,
  tool: ToolInfo,
  options: { minActions?: number; worker?: URL } = {},
): { documents: Promise<RenderedDocuments>; cancel: () => void } | undefined {
  const url = options.worker ?? WORKER;
  if ((spec.actions?.length ?? 0) < (options.minActions ?? WORKER_MIN_ACTIONS)) return undefined;
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  const worker = new Worker(url, { workerData: { spec, tool } });
  const documents = new Promise<RenderedDocuments>((resolve, reject) => {
    worker.once('message', (message: PackedDocuments) => {
      const files = message.files.map((f) => ({
        path: f.path,
        content: Buffer.from(message.bytes, f.offset, f.length),
      }));
      resolve({ files, flows: message.flows });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the documents worker stopped (exit code ${code})`)));
  });
  // A build that fails before it needs the documents must not leave an unhandled rejection behind.
  documents.catch(() => {});
  return { documents, cancel: () => void worker.terminate() };
}
