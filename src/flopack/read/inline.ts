import type { CardInfo, InlineFlow } from './model.js';
import { isObject, objectOr } from './tolerant.js';

/**
 * The inline flos hanging off a card (reference §1.6, §1.10): `flo` inputs holding a flo object (If Error's try
 * branch, If/ElseIf branches, list children) and If Error's error branch in `model.policy.error.flo`.
 */
export function inlineFlows(card: CardInfo): InlineFlow[] {
  const out: InlineFlow[] = [];
  for (const field of card.floInputs) {
    const value = field.field.value as unknown;
    if (!isObject(value) || !isObject(value.data)) continue;
    const kind =
      card.tail === 'control:tryCatch'
        ? 'try'
        : card.tail === 'control:branch'
          ? 'branch'
          : card.tail.startsWith('list:')
            ? 'loop'
            : 'other';
    out.push({ kind, group: field.group, field, data: value.data });
  }
  const error = objectOr(objectOr(card.model?.policy).error);
  if (isObject(error.flo)) out.push({ kind: 'error', group: null, data: error.flo });
  return out;
}

/**
 * How each reader names an inline flo: lint's `where` (`… › on error`), the simulator's flow names in traces and
 * errors (`Outer › If Error › try`; '' adds nothing), and the build sheet's lanes ("Try", "If Error").
 */
export function inlineLabel(
  inline: Pick<InlineFlow, 'kind' | 'group'>,
  style: 'where' | 'run' | 'sheet',
): string {
  const { kind, group } = inline;
  switch (style) {
    case 'where':
      return kind === 'try'
        ? 'try'
        : kind === 'error'
          ? 'on error'
          : kind === 'branch'
            ? group === 'if' || group === 'else'
              ? group
              : 'else if'
            : kind === 'loop'
              ? 'child flow'
              : 'inline flo';
    case 'run':
      return kind === 'try' ? 'try' : kind === 'error' ? 'error' : kind === 'loop' ? '' : (group ?? '');
    case 'sheet':
      return kind === 'try'
        ? 'Try'
        : kind === 'error'
          ? 'If Error'
          : kind === 'branch'
            ? group === 'if'
              ? 'If'
              : group === 'else'
                ? 'Else'
                : 'Else If'
            : 'Each item';
  }
}
