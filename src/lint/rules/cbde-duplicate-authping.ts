import { systemFlowOnceRule } from './system-flow-once.js';

/** Connector Builder's own code (reference §2.8): "Duplicate Authping flow found." A project has one Authping flow. */
export const cbdeDuplicateAuthpingRule = systemFlowOnceRule(
  'CBDE000004H',
  'authping',
  'Authping',
  'Duplicate Authping flow found.',
);
