import type { FlowBuilder, OutputRef } from '../flopack/builder/index.js';

/**
 * The list of items in a parsed response body: at `path` (a dot path), or the body itself when the spec leaves
 * `items` out because the service answers with a list (GitHub's and Okta's list endpoints).
 */
export function bodyItems(flow: FlowBuilder, body: OutputRef, path: string | undefined): OutputRef {
  return path ? flow.path(body, path.split('.'), 'object', true) : body;
}
