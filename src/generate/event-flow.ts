import {
  FlowBuilder,
  addStartField,
  assignIf,
  helperFlowStart,
  listLength,
  returnWith,
  type OutputRef,
} from '../flopack/builder/index.js';
import type { Flo } from '../flopack/types.js';
import { CURSOR_FIELDS } from '../flopack/cards/control/cursor.js';
import { HELPER_OUTPUTS, POLLING } from '../connector/contract.js';
import { optionalIn } from '../spec/empty-values.js';
import type { Action, PollingEvent } from '../spec/types.js';
import { bodyItems } from './body-items.js';
import { callHelper } from './call-helper.js';
import { addErrorChecks } from './error-checks.js';
import type { GenerationContext } from './generation-context.js';
import { buildRequest } from './request.js';
import { addOption } from './start-fields.js';
import { TemplateScope } from './template-scope.js';

/**
 * A polling monitor event flow (contract POLLING): the event card's Cursor (empty on the first run) and options →
 * httpHelper with the event's GET → the usual error checks → the records (none on the first run: it only sets the
 * cursor) → Cursor card with the body's next cursor, or the old one when nothing is new → Return Outputs
 * {records, count}.
 */
export function buildEventFlow(context: GenerationContext, event: PollingEvent, floId: string): Flo {
  const flow = new FlowBuilder(context.ids.scope(), context.namespace(event.name));
  const start = helperFlowStart(flow);
  const auth = addStartField(start, context.connectionField()).output;
  const options = new Map<string, OutputRef>();
  for (const o of event.options ?? []) options.set(o.key, addOption(start, o));
  const cursor = addStartField(start, {
    key: POLLING.cursorInput,
    type: 'string',
    metadata: { displayname: 'Cursor' },
  }).output;

  // An event reads like an action with no inputs: its request, options and errors follow the same rules.
  const asAction: Action = {
    name: event.name,
    description: event.description,
    request: event.request,
    ...(event.options ? { options: event.options } : {}),
    ...(event.errors ? { errors: event.errors } : {}),
  };
  const optionalOfEvent = optionalIn(context.spec, asAction);
  const scope = new TemplateScope(flow, {
    resolve(source, key) {
      const ref =
        source === 'connection'
          ? flow.path(auth, [key])
          : source === 'options'
            ? options.get(key)
            : key === POLLING.cursorInput
              ? cursor
              : undefined;
      if (!ref)
        throw new Error(`event "${event.name}" references \${${source}.${key}}, which it does not have`);
      return ref;
    },
    // The cursor is empty on the first run, so a query parameter that carries it is left out then.
    optional: (source, key) =>
      (source === 'inputs' && key === POLLING.cursorInput) || optionalOfEvent(source, key),
  });
  const call = callHelper(context, scope, auth, buildRequest(scope, event.request));
  const body = call.output(HELPER_OUTPUTS.body);
  addErrorChecks(
    flow,
    asAction,
    call.output(HELPER_OUTPUTS.statusCode),
    body,
    call.output(HELPER_OUTPUTS.errorMessage),
  );

  const items = bodyItems(flow, body, event.items);
  const newest = flow.path(body, event.cursor.split('.'), 'string');
  const next = assignIf(
    flow,
    'cursor/next',
    { left: newest, operator: 'is empty', type: 'string' },
    cursor,
    newest,
    'string',
    'Next cursor, or the same when nothing is new',
  );
  const records = assignIf(
    flow,
    'records',
    { left: cursor, operator: 'is empty', type: 'string' },
    [],
    items,
    'object',
    'Records, none on the first run',
    true,
  );
  const save = flow.add('cursor', 'cursor/save', 'Cursor');
  flow.set(save.addInput(CURSOR_FIELDS.properties), next);
  const count = listLength(flow, 'count', records, 'Count records');
  flow.chainAll(
    returnWith(flow, [
      [{ key: POLLING.records, type: 'object', collection: true }, records],
      [{ key: POLLING.count, type: 'number' }, count],
    ]),
  );
  return flow.build({ id: floId, name: event.name, description: event.description, group: context.groupId });
}
