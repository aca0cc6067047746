/**
 * okta-connector as a library: the same core the CLI is a thin layer over. Each line names one seam of the
 * pipeline (README "Architecture"): load → validate → generate → lint → package, and run → simulate against mocks.
 */
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { formatDiagnostics, type DiagnosticFormat } from './diagnostics/format.js';
export { loadSourceFile, parseSource, type SourceDocument } from './source/document.js';

export type * from './spec/types.js';
export { validateSpec, validateSpecFile, loadValidSpec, type SpecValidation } from './spec/validate.js';
export { SPEC_RULES } from './spec/rules/index.js';
export { diffSpecs, diffSpecFiles, type SpecChange, type DiffReport } from './diff/index.js';

export type { Flopack, Flo, Card, IoField } from './flopack/types.js';
export { generateConnector, type GeneratedConnector, type GeneratedFlow } from './build/generate.js';
export { serializeFlopack } from './flopack/serialize.js';
export { lintFlopack, lintFile, LINT_RULES } from './lint/index.js';
export { buildConnector } from './handoff/build.js';

export {
  runFlow,
  inspectFlopack,
  createHttpTransport,
  type FlowResult,
  type SimulateOptions,
  type TraceEvent,
  type HttpTransport,
} from './simulate/index.js';
export { loadTarget } from './run-connector/target.js';
export { runSuite } from './scenario/suite.js';
export { loadScenarioFile } from './scenario/load.js';

export {
  startMockTwilio,
  DEFAULT_CREDENTIALS,
  type MockTwilio,
  type FaultSpec,
} from './mock/twilio/index.js';
export { startMockOkta, type MockOkta } from './mock/okta/index.js';
export {
  startOpenApiMock,
  type OpenApiMock,
  type StartOpenApiMockOptions,
  type OpenApiRecordedRequest,
} from './mock/openapi/index.js';

export { generateTelephonyFolder } from './hooks/telephony-flow.js';
export { buildTelephonyRequest } from './hooks/telephony-payload.js';
export { judgeTelephonyAnswer, type TelephonyVerdict } from './hooks/telephony-verdict.js';
export { startHookServer } from './hooks/serve.js';

export * as contract from './connector/contract.js';
