import { authentication } from './authentication.js';
import { authMethodsRule } from './auth-methods.js';
import { authpingRequest } from './authping-request.js';
import { connectorMetadata } from './connector-metadata.js';
import { contentType } from './content-type.js';
import { dropdowns } from './dropdowns.js';
import { dynamicDropdowns } from './dynamic-dropdowns.js';
import { dynamicGroups } from './dynamic-groups.js';
import { duplicateFlowNames } from './duplicate-flow-names.js';
import { duplicateKeys } from './duplicate-keys.js';
import { errorStatuses } from './error-statuses.js';
import { events } from './events.js';
import { webhookEvents } from './webhook-events.js';
import { fileNames } from './file-names.js';
import { flowNameCharacters } from './flow-name-characters.js';
import { inputDefaults } from './input-defaults.js';
import { literalSecrets } from './literal-secrets.js';
import { mockDescription } from './mock-description.js';
import { outputPaths } from './output-paths.js';
import { pagination } from './pagination.js';
import { parameterPatterns } from './parameter-patterns.js';
import { placeholders } from './placeholders.js';
import { requestBody } from './request-body.js';
import { requestValues } from './request-values.js';
import { reservedFlowNames } from './reserved-flow-names.js';
import { retry } from './retry.js';
import { selectedOutputs } from './selected-outputs.js';
import type { SpecRule } from './rule.js';
import { sizeLimits } from './size-limits.js';
import { unusedFields } from './unused-fields.js';
import { urls } from './urls.js';

/** Every semantic rule, run in this order after the schema pass succeeds. */
export const SPEC_RULES: readonly SpecRule[] = [
  sizeLimits,
  duplicateFlowNames,
  flowNameCharacters,
  reservedFlowNames,
  duplicateKeys,
  placeholders,
  unusedFields,
  requestBody,
  requestValues,
  contentType,
  outputPaths,
  pagination,
  inputDefaults,
  dropdowns,
  dynamicDropdowns,
  dynamicGroups,
  selectedOutputs,
  authentication,
  authMethodsRule,
  authpingRequest,
  urls,
  errorStatuses,
  events,
  webhookEvents,
  retry,
  literalSecrets,
  mockDescription,
  parameterPatterns,
  connectorMetadata,
  fileNames,
];
