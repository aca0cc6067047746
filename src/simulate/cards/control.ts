import { compare, toNumber, toText } from '../values.js';
import type { CardHandler } from '../types.js';
import { dataFields } from './helpers.js';

/** Start cards (reference §1.5): mirrored, so the interpreter echoes inputs to outputs with different ids. */
const start: CardHandler = () => ({});

/** Return: the flow's outputs are the Return card's inputs by key (reference §1.7). */
const ret: CardHandler = (ctx) => {
  const outputs: Record<string, unknown> = {};
  for (const { field, value } of dataFields(ctx)) outputs[field.key] = value;
  return { end: { kind: 'return', outputs } };
};

/** Return Raw: statusCode (default 200), headers, body — the API Endpoint's HTTP response (reference §1.7). */
const returnRaw: CardHandler = (ctx) => {
  const { statusCode, headers, body } = ctx.inputs;
  const raw = {
    statusCode: toNumber(statusCode, ctx.flags) ?? 200,
    headers: headers && typeof headers === 'object' ? (headers as Record<string, unknown>) : {},
    body: body ?? '',
  };
  return { end: { kind: 'raw', raw } };
};

/** Assign If: output = valueIfTrue or valueIfFalse by the comparison. */
const assignIf: CardHandler = (ctx) => {
  const i = ctx.inputs;
  const ok = compare(i['left-operand'], i['operator'], i['right-operand'], ctx.flags);
  return { outputs: { output: ok ? i['valueIfTrue'] : i['valueIfFalse'] } };
};

/** Continue If: when the comparison fails the flow stops quietly with the `otherwise` message (reference §1.7). */
const continueIf: CardHandler = (ctx) => {
  const i = ctx.inputs;
  if (compare(i['left-operand'], i['operator'], i['right-operand'], ctx.flags)) return {};
  return { outputs: { message: toText(i['message']) }, end: { kind: 'stop' } };
};

const nothing: CardHandler = () => ({});

export const controlCards: Record<string, CardHandler> = {
  'control:callable': start,
  'http:accept': start,
  'http:delegated': start,
  'control:noop': nothing,
  'control:comment': nothing,
  // Assign and Join echo inputs to outputs (mirrored / `joins` map), done by the interpreter.
  'control:let': nothing,
  'control:join': nothing,
  'control:return': ret,
  'control:returnRaw': returnRaw,
  'control:assignIf': assignIf,
  'control:continueIf': continueIf,
};
