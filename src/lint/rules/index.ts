import type { LintRule } from '../types.js';
import { addressRule } from './address.js';
import { branchHeadRule } from './branch-head.js';
import { callArgsRule } from './call-args.js';
import { cardIdRule } from './card-id.js';
import { cbActionFlowRule } from './cb-action-flow.js';
import { cbdeDuplicateAuthpingRule } from './cbde-duplicate-authping.js';
import { cbdeDuplicateNamesRule } from './cbde-duplicate-names.js';
import { cbdeDuplicateRevokeRule } from './cbde-duplicate-revoke.js';
import { cbdeFlowNameRule } from './cbde-flow-name.js';
import { cbdeReservedAuthpingRule } from './cbde-reserved-authping.js';
import { cbdeReservedRevokeRule } from './cbde-reserved-revoke.js';
import { checksumRule } from './checksum.js';
import { collectionDataRule } from './collection-data.js';
import { composePlaceholderRule } from './compose-placeholder.js';
import { configRefRule } from './config-ref.js';
import { configSecretRule } from './config-secret.js';
import { credentialLiteralRule } from './credential-literal.js';
import { endpointSecurityRule } from './endpoint-security.js';
import { flowRefRule } from './flow-ref.js';
import { folderRefRule } from './folder-ref.js';
import { idFormatRule } from './id-format.js';
import { idMismatchRule } from './id-mismatch.js';
import { ioIdRule } from './io-id.js';
import { joinKeyRule } from './join-key.js';
import { operatorRule } from './operator.js';
import { orderingRule } from './ordering.js';
import { pinSourceRule } from './pin-source.js';
import { pinTargetRule } from './pin-target.js';
import { pinTransformRule } from './pin-transform.js';
import { previewRule } from './preview.js';
import { scheduleRule } from './schedule.js';
import { startCardRule } from './start-card.js';
import { structureRule } from './structure.js';
import { tableRefRule } from './table-ref.js';
import { topLevelRule } from './top-level.js';
import { unorderedCardRule } from './unordered-card.js';

/** Every lint rule, in the order of reference §1.11, then extras, then Connector Builder's checks (§2.8). */
export const LINT_RULES: readonly LintRule[] = [
  // Import rules (reference §1.11): errors.
  topLevelRule,
  structureRule,
  idMismatchRule,
  configSecretRule,
  addressRule,
  cardIdRule,
  ioIdRule,
  collectionDataRule,
  pinSourceRule,
  pinTargetRule,
  branchHeadRule,
  configRefRule,
  tableRefRule,
  composePlaceholderRule,
  flowRefRule,
  orderingRule,
  startCardRule,
  unorderedCardRule,
  scheduleRule,
  // Import probably works (reference §1.11 warnings).
  idFormatRule,
  checksumRule,
  folderRefRule,
  pinTransformRule,
  joinKeyRule,
  callArgsRule,
  endpointSecurityRule,
  previewRule,
  // Beyond the importer: what breaks at run time or leaks.
  credentialLiteralRule,
  operatorRule,
  // Connector Builder (reference §2.8), only for connector projects.
  cbdeDuplicateNamesRule,
  cbdeFlowNameRule,
  cbdeDuplicateAuthpingRule,
  cbdeReservedAuthpingRule,
  cbdeDuplicateRevokeRule,
  cbdeReservedRevokeRule,
  cbActionFlowRule,
];
