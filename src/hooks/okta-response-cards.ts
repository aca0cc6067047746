import {
  compose,
  construct,
  jsonStringify,
  type FlowBuilder,
  type OutputRef,
  type Value,
} from '../flopack/builder/index.js';
import { TELEPHONY_ACTION_TYPE } from './telephony-verdict.js';

/**
 * Okta's telephony hook answers (reference §3.2) built as objects and turned into text with JSON Stringify, so a
 * quote or backslash in a phone number or provider message cannot break the JSON (Compose text would).
 * Lists come from pins with the `wrapArray` transform (reference §1.6).
 */
function objectCard(
  flow: FlowBuilder,
  path: string,
  name: string,
  fields: Array<[string, Value]>,
): OutputRef {
  return construct(
    flow,
    path,
    fields.map(([key, value]) => ({ key, value })),
    name,
  );
}

/** An object field holding a one-element list of `item`. */
function listField(flow: FlowBuilder, object: OutputRef, key: string, item: OutputRef): void {
  const input = object.card.addInput({
    key,
    type: 'object',
    collection: true,
    data: [],
    metadata: { custom: true },
  });
  flow.pin(item, input, 'wrapArray');
}

/** `{"commands":[{"type":"com.okta.telephony.action","value":[{status, provider, transactionId, transactionMetadata}]}]}` */
export function successResponse(
  flow: FlowBuilder,
  v: { status: string; provider: string; transactionId: OutputRef; transactionMetadata: Value },
): OutputRef {
  const item = objectCard(flow, 'response/value', 'Construct action result', [
    ['status', v.status],
    ['provider', v.provider],
    ['transactionId', v.transactionId],
    ['transactionMetadata', v.transactionMetadata],
  ]);
  const command = objectCard(flow, 'response/command', 'Construct command', [
    ['type', TELEPHONY_ACTION_TYPE],
  ]);
  listField(flow, command, 'value', item);
  const root = construct(flow, 'response/root', [], 'Construct Okta response');
  listField(flow, root, 'commands', command);
  return jsonStringify(flow, 'response/json', root, 'Okta response as JSON');
}

/** `{"error":{"errorSummary":"Failed to deliver <channel> OTP to <phone>","errorCauses":[{errorSummary, reason}]}}` */
export function errorResponse(
  flow: FlowBuilder,
  v: { channelLabel: OutputRef; recipient: OutputRef; reason: OutputRef },
): OutputRef {
  const summary = compose(
    flow,
    'error/summary',
    ['Failed to deliver ', v.channelLabel, ' OTP to ', v.recipient],
    'Compose error summary',
  );
  const cause = objectCard(flow, 'error/cause', 'Construct error cause', [
    ['errorSummary', 'Provider could not deliver OTP'],
    ['reason', v.reason],
  ]);
  const error = objectCard(flow, 'error/object', 'Construct error', [['errorSummary', summary]]);
  listField(flow, error, 'errorCauses', cause);
  const root = objectCard(flow, 'error/root', 'Construct Okta error response', []);
  const input = root.card.addInput({ key: 'error', type: 'object', metadata: { custom: true } });
  flow.pin(error, input);
  return jsonStringify(flow, 'error/json', root, 'Okta error response as JSON');
}
