import { createHash } from 'node:crypto';

/**
 * A flow's invoke alias: 32 hex characters like Workflows' aliases (reference §3.4). Workflows assigns them per
 * org; `hook serve` derives them from the flow id so the invoke URL stays the same across restarts.
 */
export function flowAlias(flowId: string): string {
  return createHash('sha256').update(`okta-connector:flow-alias:${flowId}`).digest('hex').slice(0, 32);
}

/** `/api/flo/<alias>/invoke`, the Workflows invoke path. */
export function invokePath(alias: string): string {
  return `/api/flo/${alias}/invoke`;
}

const INVOKE_PATH = /^\/api\/flo\/([0-9a-f]{32})\/invoke\/?$/;

export function aliasFromPath(pathname: string): string | undefined {
  return INVOKE_PATH.exec(pathname)?.[1];
}
