import {
  assignIf,
  compose,
  textSegment,
  type FlowBuilder,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import {
  DEFAULT_ERROR_MESSAGE_PATH,
  ERROR_BODY_EXCERPT_CHARS,
  ERROR_MESSAGE_FALLBACK_PATHS,
} from '../connector/contract.js';
import type { Action } from '../spec/types.js';

/**
 * The service's error message, in two parts so the common part is built once per connector, not once per action:
 * httpHelper returns `error_message` (the usual places, contract.ts, else `HTTP <status>: ` and the start of the
 * body), and an action tries its own `errors.messagePath` first only where the usual order would not already
 * give the same answer.
 */

/** httpHelper's part: the first usual path that gives a value, else the status and the start of the body. */
export function serviceErrorMessage(flow: FlowBuilder, status: OutputRef, body: OutputRef): Value {
  const bodyText = compose(flow, 'error/body-text', [body], 'Compose body text');
  const excerpt = textSegment(
    flow,
    'error/body-start',
    bodyText,
    0,
    ERROR_BODY_EXCERPT_CHARS,
    'Start of body',
  );
  const message: Value = compose(
    flow,
    'error/fallback',
    ['HTTP ', status, ': ', excerpt],
    'Compose status and body',
  );
  return firstFound(flow, body, ERROR_MESSAGE_FALLBACK_PATHS, message, 'error/message');
}

/** The dot paths tried for an error message, in order: the spec's, then the usual places (contract.ts). */
export function errorMessagePaths(action: Action): string[] {
  return [...new Set([...ownMessagePaths(action), ...ERROR_MESSAGE_FALLBACK_PATHS])];
}

/**
 * An action's part: its own paths in front of httpHelper's `error_message`. Paths that are the first of the usual
 * ones, in the same order (the default `message`), add nothing: httpHelper already tries them first.
 */
export function actionErrorMessage(
  flow: FlowBuilder,
  action: Action,
  body: OutputRef,
  helperMessage: Value,
): Value {
  const own = ownMessagePaths(action);
  const alreadyFirst = own.every((path, i) => ERROR_MESSAGE_FALLBACK_PATHS[i] === path);
  return alreadyFirst ? helperMessage : firstFound(flow, body, own, helperMessage, 'error/message');
}

function ownMessagePaths(action: Action): string[] {
  const own = action.errors?.messagePath ?? DEFAULT_ERROR_MESSAGE_PATH;
  return Array.isArray(own) ? own : [own];
}

/** One path card and one Assign If per path, last path first, so the first path that gives a value wins. */
function firstFound(
  flow: FlowBuilder,
  body: OutputRef,
  paths: readonly string[],
  otherwise: Value,
  keyPrefix: string,
): Value {
  let message = otherwise;
  for (let i = paths.length - 1; i >= 0; i--) {
    const segments = paths[i]!.split('.').filter(Boolean);
    if (segments.length === 0) continue;
    const found = flow.path(body, segments);
    message = assignIf(
      flow,
      `${keyPrefix}/${i}`,
      { left: found, operator: 'is empty' },
      message,
      found,
      'string',
      `Message from ${paths[i]}`,
    );
  }
  return message;
}
