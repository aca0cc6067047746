import { systemFlowOnceRule } from './system-flow-once.js';

/** Connector Builder's own code (reference §2.8): "Duplicate revoke flow found." A project has one Revoke flow. */
export const cbdeDuplicateRevokeRule = systemFlowOnceRule(
  'CBDE000006H',
  'revoke',
  'Revoke',
  'Duplicate revoke flow found.',
);
