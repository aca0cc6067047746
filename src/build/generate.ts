import type { Flo, Flopack } from '../flopack/types.js';
import {
  AUTHPING_FLOW_NAME,
  CUSTOM_API_ACTION_NAME,
  FLOPACK_FLAGS,
  FLOPACK_VERSION,
  GENERATED_CREATED,
  REVOKE_FLOW_NAME,
} from '../connector/contract.js';
import type { Action, ConnectorSpec } from '../spec/types.js';
import { buildActionFlow } from './action-flow.js';
import { buildAuthpingFlow } from './authping-flow.js';
import { buildCapiaFlow } from './capia-flow.js';
import { BuildContext } from './context.js';
import { buildHelperFlow } from './helper-flow.js';
import { buildRevokeFlow } from './revoke-flow.js';

export interface GeneratedFlow {
  kind: 'helper' | 'authping' | 'action' | 'capia' | 'revoke';
  name: string;
  floId: string;
  action?: Action;
}

export interface GeneratedConnector {
  flopack: Flopack;
  flows: GeneratedFlow[];
}

/**
 * The connector's flows as one flopack (v1.5.0, no checksum): httpHelper, _authping, one flow per action,
 * Custom API Action (unless disabled) and, for OAuth 2.0 with a revoke URL, _revoke — all in one folder named
 * after the connector. Ids derive from the spec, so the same spec gives byte-identical output
 * (see serializeFlopack). No connection value is ever read or written: the spec holds none.
 */
export function generateConnector(spec: ConnectorSpec): GeneratedConnector {
  const ctx = new BuildContext(spec);
  const flows: GeneratedFlow[] = [];
  const flos: Record<string, Flo> = {};
  const add = (flo: Flo, kind: GeneratedFlow['kind'], action?: Action) => {
    flos[flo.id] = flo;
    flows.push({ kind, name: flo.name, floId: flo.id, ...(action ? { action } : {}) });
  };

  add(buildHelperFlow(ctx), 'helper');
  add(buildAuthpingFlow(ctx, ctx.floId(AUTHPING_FLOW_NAME)), 'authping');
  for (const action of spec.actions ?? [])
    add(buildActionFlow(ctx, action, ctx.floId(action.name)), 'action', action);
  if (spec.customApiAction !== false) add(buildCapiaFlow(ctx, ctx.floId(CUSTOM_API_ACTION_NAME)), 'capia');
  const auth = spec.authentication;
  if (auth.type === 'oauth2' && auth.revokeUrl) {
    add(buildRevokeFlow(ctx, ctx.floId(REVOKE_FLOW_NAME), auth.revokeUrl), 'revoke');
  }

  const flopack: Flopack = {
    type: 'flopack',
    version: FLOPACK_VERSION,
    created: GENERATED_CREATED,
    flags: { ...FLOPACK_FLAGS },
    data: {
      flos,
      configs: {},
      tables: {},
      groups: {
        [ctx.groupId]: {
          id: ctx.groupId,
          data: { name: spec.displayName, description: spec.description ?? '', media_uri: '', path: '' },
        },
      },
    },
  };
  return { flopack, flows };
}
