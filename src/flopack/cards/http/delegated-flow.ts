import { kernelCard } from '../definition.js';

/** Delegated Flow (`http:delegated`): starts a flow run on behalf of a delegated user; mirrored like Helper Flow. */
export const delegatedFlowCard = kernelCard('http:delegated', 'Delegated Flow', { run: () => ({}) });
