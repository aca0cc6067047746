import type { RequestLog } from '../http/record.js';
import type { MockModel } from './model.js';

/** Everything one running OpenAPI mock holds; the request handler, the control endpoints and the API share it. */
export interface OpenApiMockContext {
  model: MockModel;
  /** Decides, with each request, the values of generated responses. */
  seed: string;
  /** Entries are OpenApiRecordedRequest (request-log.ts). */
  requests: RequestLog;
  /** One line per request: `METHOD /path STATUS operation Nms`, and the first violation of a refusal. */
  log?: (line: string) => void;
  bodyLimit: number;
  bodyTimeoutMs: number;
  /** The bound address, known once listening; the control endpoints check Host against it. */
  address: { host: string; port: number };
}
