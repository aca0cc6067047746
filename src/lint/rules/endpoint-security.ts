import { childPointer, singleRoot, type CardInfo } from '../../flopack/read/index.js';
import { scopeWhere, show } from '../describe.js';
import { lintRule } from '../types.js';

/** Reference §3.4 (warning): API Endpoint flows are exported with security_level "medium" (client token) or "open". */
export const endpointSecurityRule = lintRule('OC-FLOPACK-ENDPOINT-SECURITY', 'warning', {
  description: 'API Endpoint flows have `security_level` "medium" (client token) or "open" (public)',
  flow({ flow }, ctx) {
    // Most flows have no API Endpoint card: then no start card can be one, and the graph is not needed.
    if (!flow?.scope?.cards.some(isEndpoint)) return;
    const start = singleRoot(flow.scope);
    if (!start || !isEndpoint(start)) return;
    const level = flow.scope.data.security_level;
    if (level === 'medium' || level === 'open') return;
    ctx.report({
      message: `API Endpoint flow with security_level ${show(level)}; exports use "medium" (client token) or "open" (public)`,
      pointer: childPointer(flow.scope.pointer, 'security_level'),
      where: scopeWhere(flow.scope),
      hint: '"medium" keeps the endpoint behind a client token',
    });
  },
});

function isEndpoint(card: CardInfo): boolean {
  return card.parts?.family === 'kernel' && card.tail === 'http:accept';
}
