import { UsageError } from '../../errors.js';
import type { OpenApiOperation } from '../../openapi/operations.js';
import type { RequestTemplate } from '../../spec/types.js';
import { credentialRole, securityProblem, type AuthChoice } from './auth.js';
import { serverProblem, type BaseUrlChoice } from './base-url.js';
import { literal } from './parameters.js';
import { findOperation, operationLabel } from './select.js';
import type { ShapeReader } from './schema.js';

/** Operations named like "who am I" (the cheapest proof that credentials work), then like the caller's account. */
const WHOAMI = /(^|[^a-z])(me|whoami|auth[._/-]?test|self|myself|current[_-]?user|userinfo)([^a-z]|$)/i;
const ACCOUNTISH = /(^|[^a-z])(scopes|account|user|profile)([^a-z]|$)/i;
/** Query parameters that bound a list's page. */
const PAGE_SIZE = /^(page_?size|per_?page|limit|max_?results|count|top|size)$/i;

export interface AuthpingChoice {
  request: RequestTemplate;
  operation?: OpenApiOperation;
  /** Why this one, for a comment and the summary. */
  reason: string;
  guessed: boolean;
}

export interface AuthpingContext {
  shapes: ShapeReader;
  auth: AuthChoice;
  base: BaseUrlChoice;
}

type Plan = { request: RequestTemplate; rank: number };

/**
 * The health check: a GET that needs credentials and nothing the connection does not hold (no body, no required
 * input), preferring "who am I" operations, then a list whose page size can be set to 1, then any such GET; the
 * selected operations first, then the rest of the description. `--authping` names one instead.
 */
export function chooseAuthping(
  ctx: AuthpingContext,
  all: readonly OpenApiOperation[],
  selected: readonly OpenApiOperation[],
  override?: string,
): AuthpingChoice {
  if (override !== undefined) {
    const op = findOperation(all, override);
    if (!op) throw new UsageError(`--authping: no operation "${override}" in the description`);
    const plan = pingPlan(ctx, op);
    if ('problem' in plan)
      throw new UsageError(`--authping: ${operationLabel(op)} cannot be the health check: ${plan.problem}`);
    return {
      request: plan.request,
      operation: op,
      reason: `${operationLabel(op)}, chosen with --authping`,
      guessed: false,
    };
  }
  const chosen = new Set(selected);
  const ranked = all
    .map((op, index) => ({
      op,
      index,
      plan: pingPlan(ctx, op),
      near: chosen.has(op) ? 0 : nearness(op, selected),
    }))
    .filter((c): c is typeof c & { plan: Plan } => !('problem' in c.plan))
    .sort(
      (a, b) =>
        a.plan.rank - b.plan.rank ||
        Number(chosen.has(b.op)) - Number(chosen.has(a.op)) ||
        b.near - a.near ||
        a.index - b.index,
    );
  const best = ranked[0];
  if (!best) {
    return {
      request: { method: 'GET', path: '/' },
      reason: 'no GET in the description needs only the connection; GET / is a placeholder',
      guessed: true,
    };
  }
  const why = [
    'a "who am I" request',
    "a request about the caller's account",
    'a list with its page size set to 1',
    'a GET that needs only the connection',
  ][best.plan.rank];
  return {
    request: best.plan.request,
    operation: best.op,
    reason: `${operationLabel(best.op)}: ${why}`,
    guessed: true,
  };
}

/**
 * For an operation that was not selected: how many leading path segments it shares with the closest selected one,
 * so a health check for Send Message lists messages rather than some other resource.
 */
function nearness(op: OpenApiOperation, selected: readonly OpenApiOperation[]): number {
  const mine = op.path.split('/');
  let best = 0;
  for (const other of selected) {
    const theirs = other.path.split('/');
    let i = 0;
    while (i < mine.length && i < theirs.length && mine[i] === theirs[i]) i++;
    best = Math.max(best, i);
  }
  return best;
}

function pingPlan(ctx: AuthpingContext, op: OpenApiOperation): Plan | { problem: string } {
  if (op.method !== 'get') return { problem: 'it is not a GET' };
  if (ctx.auth.scheme && op.security.length === 0)
    return { problem: 'it needs no credentials, so it cannot tell whether they work' };
  const problem = securityProblem(ctx.auth, op) ?? serverProblem(ctx.base, op);
  if (problem) return { problem };
  if (op.requestBody?.required) return { problem: 'it needs a request body' };
  const query: Record<string, string> = {};
  const names = [op.operationId ?? '', op.path.split('/').pop() ?? ''];
  let rank = names.some((n) => WHOAMI.test(n)) ? 0 : names.some((n) => ACCOUNTISH.test(n)) ? 1 : 3;
  for (const p of op.parameters) {
    if (p.in === 'path' && ctx.base.pathParameters.has(p.name)) continue;
    // The credential, or a copy of it: the authentication sends it (see credentialRole).
    if (credentialRole(ctx.auth, p.in, p.name)) continue;
    if (p.required || p.in === 'path') return { problem: `it needs the ${p.in} parameter ${p.name}` };
    if (p.in === 'query' && PAGE_SIZE.test(p.name) && rank === 3) {
      const shape = ctx.shapes.read(p.schema);
      if (shape.type === 'integer' || shape.type === 'number') {
        query[p.name] = '1';
        rank = 2;
      }
    }
  }
  const segments = op.path.split('/').slice(1 + ctx.base.prefix.length);
  const path =
    '/' +
    segments
      .map((s) =>
        literal(s).replace(
          /\{([^}]+)\}/g,
          (_, n: string) => `\${connection.${ctx.base.pathParameters.get(n)}}`,
        ),
      )
      .join('/');
  return {
    request: {
      method: 'GET',
      path,
      ...(Object.keys(query).length > 0 && { query }),
    },
    rank,
  };
}
