import { AUTHPING_FLOW_NAME } from '../../connector/contract.js';
import { reservedNameRule } from './reserved-name.js';

/** Connector Builder's own code (reference §2.8): "Name of the flow cannot be _authping." */
export const cbdeReservedAuthpingRule = reservedNameRule('CBDE000005H', AUTHPING_FLOW_NAME, 'Authping');
