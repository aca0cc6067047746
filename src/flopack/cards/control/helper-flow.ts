import { deepFreeze } from '../../../util/deep-freeze.js';
import { kernelCard } from '../definition.js';
import { ANY, BODY_HEADERS_QUERY_RULES, SOURCES, kernelEnvelope } from '../envelope.js';
import type { FieldSpec } from '../field-spec.js';

const PARENT_TYPE = deepFreeze({
  id: { type: 'string', collection: false },
  method: { type: 'string', collection: false },
  name: { type: 'string', collection: false },
  execution_id: { type: 'string', collection: false },
});
/** The `error` context object of a Helper Flow / If Error error branch (reference §1.7). */
export const ERROR_TYPE = deepFreeze({
  message: { type: 'string', collection: false },
  method: { type: 'string', collection: false },
  flo: { type: 'number', collection: false },
  execution: { type: 'string', collection: false },
});

const context = (key: string, type: FieldSpec['type'], displayname: string, extra = {}): FieldSpec => ({
  key,
  group: 'context',
  type,
  data: null,
  metadata: { displayname, ...extra },
});

/**
 * The context fields of a Helper Flow card (mirrored: each is an input and an output). A top-level Helper Flow has
 * all four; If Error's error branch only `error` (`errorBranch`), its try branch none (reference §1.7).
 */
export const HELPER_FLOW_CONTEXT = deepFreeze({
  index: context('index', 'number', 'Index'),
  parent: context('parent', PARENT_TYPE, 'Caller', { collapsed: true }),
  error: context('error', ERROR_TYPE, 'Error', { collapsed: true }),
  executionId: context('execution_id', 'string', 'Execution ID'),
  errorBranch: context('error', ERROR_TYPE, 'Error'),
});

/**
 * Helper Flow (`control:callable`): starts a flow another flow calls. Mirrored, so the interpreter echoes its
 * inputs (what the caller passed) to its outputs.
 */
export const helperFlowCard = kernelCard('control:callable', 'Helper Flow', {
  timeoutMs: 30_000,
  envelope: kernelEnvelope(
    'Start a Flow that executes on-demand, i.e. called by another Flow or via the Invoke API.',
    SOURCES.batch,
    {
      mirrored: true,
      inputs: { extensible: true, rules: ANY, groupRules: BODY_HEADERS_QUERY_RULES },
      outputs: { extensible: true, rules: ANY, groupRules: { context: { extensible: false } } },
    },
  ),
  fields: HELPER_FLOW_CONTEXT,
  run: () => ({}),
});
