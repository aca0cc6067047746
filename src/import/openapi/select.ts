import { UsageError } from '../../errors.js';
import type { OpenApiOperation } from '../../openapi/operations.js';
import { didYouMean } from '../../util/did-you-mean.js';

/** How the user chose operations: flags, or nothing yet (then the CLI asks, or refuses without a TTY). */
export interface Selection {
  /** operationIds or `METHOD /path` (repeatable). */
  operations?: readonly string[];
  /** Tags (repeatable): every operation with one of them. */
  tags?: readonly string[];
  /** Every operation. */
  all?: boolean;
}

export const SELECTION_FLAGS = '--operation <operationId | "METHOD /path">, --tag <tag> or --all';

export function hasSelection(s: Selection): boolean {
  return Boolean(s.all) || (s.operations?.length ?? 0) > 0 || (s.tags?.length ?? 0) > 0;
}

/** `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`: how the summary and the picker name an operation. */
export function operationLabel(op: OpenApiOperation): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** A stable handle for an operation: its operationId, else `METHOD /path`. */
export function operationHandle(op: OpenApiOperation): string {
  return op.operationId ?? operationLabel(op);
}

/**
 * The operations a selection names, in the description's order. Unknown operations and tags are usage errors
 * with a did-you-mean; so is a selection that matches nothing.
 */
export function selectOperations(all: readonly OpenApiOperation[], s: Selection): OpenApiOperation[] {
  if (s.all) return [...all];
  const chosen = new Set<OpenApiOperation>();
  const problems: string[] = [];
  for (const wanted of s.operations ?? []) {
    const op = findOperation(all, wanted);
    if (op) chosen.add(op);
    else {
      const near = didYouMean(
        wanted,
        all.flatMap((o) => [o.operationId ?? '', operationLabel(o)]).filter(Boolean),
      );
      problems.push(`no operation "${wanted}" in the description${near ? `; did you mean "${near}"?` : ''}`);
    }
  }
  const tags = new Set(all.flatMap((o) => o.tags));
  for (const tag of s.tags ?? []) {
    const matching = all.filter((o) => o.tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
    if (matching.length === 0) {
      const near = didYouMean(tag, [...tags]);
      problems.push(`no operation has the tag "${tag}"${near ? `; did you mean "${near}"?` : ''}`);
    }
    matching.forEach((o) => chosen.add(o));
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return all.filter((o) => chosen.has(o));
}

/** An operation by operationId (exact, then without case) or by `METHOD /path`. */
export function findOperation(
  all: readonly OpenApiOperation[],
  wanted: string,
): OpenApiOperation | undefined {
  const byId =
    all.find((o) => o.operationId === wanted) ??
    all.find((o) => o.operationId?.toLowerCase() === wanted.toLowerCase());
  if (byId) return byId;
  const m = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(wanted);
  if (!m) return undefined;
  return all.find((o) => o.method === m[1]!.toLowerCase() && o.path === m[2]);
}
