import type { CardHandler, HttpResponse } from '../../semantics/context.js';
import { CardFailure } from '../../semantics/failure.js';
import { isPlainObject } from '../../semantics/fields.js';
import { buildRequest, responseOutputs } from './request.js';

function parseBody(res: HttpResponse): unknown {
  const t = res.body.trim();
  if (t === '') return {};
  try {
    return JSON.parse(t);
  } catch {
    return res.body;
  }
}

/**
 * The API Connector verb cards, Get/Post/Put/Patch/Delete (reference §1.7/§1.8): an object Body is sent as JSON;
 * the Body output is parsed JSON (text when it is not JSON). A status >= 400 fails the card [I], with the parsed
 * body for If Error.
 */
export function verb(method: string): CardHandler {
  return async (ctx) => {
    const res = await ctx.http(buildRequest(ctx, method, true));
    const body = parseBody(res);
    if (res.status >= 400) {
      const detail = isPlainObject(body) && typeof body['message'] === 'string' ? `: ${body['message']}` : '';
      throw new CardFailure(`${ctx.card.node.data.name}: HTTP ${res.status}${detail}`, {
        statusCode: res.status,
        body,
      });
    }
    return { outputs: responseOutputs(res, body) };
  };
}
