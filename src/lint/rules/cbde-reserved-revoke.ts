import { REVOKE_FLOW_NAME } from '../../connector/contract.js';
import { reservedNameRule } from './reserved-name.js';

/** Connector Builder's own code (reference §2.8): "Name of the flow cannot be _revoke." */
export const cbdeReservedRevokeRule = reservedNameRule('CBDE000007H', REVOKE_FLOW_NAME, 'Revoke');
