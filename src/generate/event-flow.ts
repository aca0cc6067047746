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
import type { PollingEvent } from '../spec/types.js';
import { bodyItems } from './body-items.js';
import { callEventRequest } from './event-request.js';
import type { GenerationContext } from './generation-context.js';
import { addOption } from './start-fields.js';

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

  // The cursor is empty on the first run, so a query parameter that carries it is left out then.
  const call = callEventRequest(context, flow, event, {
    auth,
    options,
    input: { key: POLLING.cursorInput, ref: cursor, optional: true },
  });
  const body = call.output(HELPER_OUTPUTS.body);

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
