import { Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ConnectorSpec } from '../../spec/types.js';
import { SCHEMA_PATH } from '../../init/render.js';
import type { SpecComment } from './comments.js';

/** What a reviewer searches for: every comment that marks a guess starts with it. */
export const REVIEW_MARK = 'REVIEW:';

/**
 * The imported spec as YAML: the `yaml-language-server` schema line `init` writes, the header, then the spec with
 * each comment before the node it is about. Short lists of scalars and outputs are written one per line, as in
 * connectors/twilio; actions are separated by a blank line. Same input, same bytes.
 */
export function renderImportedSpec(
  spec: ConnectorSpec,
  comments: readonly SpecComment[],
  header: string[],
): string {
  const doc = new Document(spec);
  doc.commentBefore = [` yaml-language-server: $schema=${SCHEMA_PATH}`, ...header.map((l) => ` ${l}`)].join(
    '\n',
  );
  for (const comment of comments) attach(doc, comment);
  const actions = doc.get('actions', true);
  if (isSeq(actions)) actions.items.forEach((item, i) => i > 0 && ((item as Node).spaceBefore = true));
  if (isMap(doc.contents))
    for (const pair of doc.contents.items as Pair[])
      if (isScalar(pair.key) && pair.key.value !== 'specVersion') pair.key.spaceBefore ||= isTopSection(pair);
  flowStyle(doc);
  return doc.toString({ lineWidth: 0 });
}

function isTopSection(pair: Pair): boolean {
  return (
    isScalar(pair.key) &&
    ['authentication', 'connectionParameters', 'baseUrl', 'authping', 'actions', 'customApiAction'].includes(
      String(pair.key.value),
    )
  );
}

function attach(doc: Document, comment: SpecComment): void {
  const text = ` ${comment.review ? `${REVIEW_MARK} ` : ''}${comment.text}`.replace(/\n/g, ' ');
  const path = [...comment.path];
  const last = path.pop();
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  let target: { commentBefore?: string | null } | undefined;
  if (last === undefined) target = doc.contents ?? undefined;
  else if (isMap(parent)) {
    const pair = (parent.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === last);
    target = pair && isScalar(pair.key) ? pair.key : undefined;
  } else if (isSeq(parent) && typeof last === 'number') target = parent.items[last] as Node | undefined;
  if (!target)
    throw new Error(`import: no node at /${comment.path.join('/')} for the comment "${comment.text}"`);
  target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${text}` : text;
}

/** Lists of scalars inline; each output and each dropdown value `{ … }` on one line. */
function flowStyle(doc: Document): void {
  const visit = (node: unknown, key?: unknown): void => {
    if (isSeq(node)) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
      for (const item of node.items) {
        if ((key === 'outputs' || key === 'values') && isMap(item)) item.flow = true;
        visit(item);
      }
    } else if (isMap(node)) {
      for (const pair of node.items as Pair[])
        visit(pair.value, isScalar(pair.key) ? pair.key.value : undefined);
    }
  };
  visit(doc.contents);
}
