/**
 * okta-connector as a library: the same core the CLI is a thin layer over. Each line names one seam of the
 * pipeline (ARCHITECTURE.md): load → validate → generate → lint → package; flopack → read model → lint / simulate /
 * sheet; and run (select a flow of a target, run it against a mock or a server) → simulate.
 */
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { formatDiagnostics, type DiagnosticFormat } from './diagnostics/format.js';
export { loadSourceFile, parseSource, type SourceDocument } from './source/document.js';

export type * from './spec/types.js';
export { validateSpec, validateSpecFile, loadValidSpec, type SpecValidation } from './spec/validate.js';
export { SPEC_RULES } from './spec/rules/index.js';
export { diffSpecs, diffSpecFiles, type SpecChange, type DiffReport } from './diff/index.js';

export type { Flopack, Flo, Card, IoField } from './flopack/types.js';
export {
  readFlopack,
  readFlo,
  graphOf,
  executionOrder,
  parseAddress,
  addressTail,
  type FlopackReading,
  type Scope,
  type CardInfo,
  type ScopeGraph,
} from './flopack/read/index.js';
export {
  CARDS,
  CARD_KINDS,
  cardDefinition,
  cardTypeName,
  type CardDefinition,
} from './flopack/cards/index.js';
export { generateConnector, type GeneratedConnector, type GeneratedFlow } from './generate/index.js';
export { serializeFlopack } from './flopack/serialize.js';
export { lintFlopack, lintFile, lintFlowByFlow, envelopeOf, LINT_RULES } from './lint/index.js';
export { buildConnector } from './handoff-package/build.js';

export {
  runFlow,
  inspectFlopack,
  createHttpTransport,
  type FlowResult,
  type SimulateOptions,
  type TraceEvent,
  type HttpTransport,
} from './simulate/index.js';
export { loadTarget, fromSpec, type Target, type TargetFlow } from './run/target.js';
export { selectFlow, checkFields } from './run/select.js';
export { runTargetFlow } from './run/execute.js';
export { simulateTargetFlow } from './run/simulation.js';
export { runSuite } from './scenario/suite.js';
export { loadScenarioFile } from './scenario/load.js';
export { CassetteRecorder, loadCassette, parseCassette, replayCassette } from './scenario/cassette.js';

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
