import { deepFreeze } from '../util/deep-freeze.js';

/**
 * Okta's comparison operators, once: the choices of If/Else, If/ElseIf, Continue If, Return Error If and Assign If
 * as stored in exports (reference §1.7). `label` is the card's own `metadata.choices` label (the builder writes it);
 * `exportLabels` are the UI labels some exports store in place of the value, which the simulator reads back.
 * Lint checks static operators against the values; the simulator evaluates them (semantics/values.ts).
 */
export const OPERATORS = deepFreeze([
  { value: '==', label: 'equal to', exportLabels: ['equal to'] },
  { value: '!=', label: 'not equal', exportLabels: ['not equal', 'not equal to'] },
  { value: '>=', label: 'greater than or equal', exportLabels: ['greater than or equal to'] },
  { value: '<=', label: 'less than or equal', exportLabels: ['less than or equal to'] },
  { value: '>', label: 'greater than', exportLabels: ['greater than'] },
  { value: '<', label: 'less than', exportLabels: ['less than'] },
  { value: '%', label: 'a multiple of', exportLabels: ['a multiple of'] },
  { value: 'in', label: 'in', exportLabels: ['contains'] },
  { value: 'not in', label: 'not in', exportLabels: [] },
  { value: 'has', label: 'has key', exportLabels: ['has key'] },
  { value: "doesn't have", label: "doesn't have key", exportLabels: ["doesn't have key"] },
  { value: 'is empty', label: 'is empty', exportLabels: [] },
  { value: 'is not empty', label: 'is not empty', exportLabels: [] },
] as const);

export type Operator = (typeof OPERATORS)[number]['value'];

/** The operator values, in the cards' order. */
export const OPERATOR_VALUES: readonly Operator[] = deepFreeze(OPERATORS.map((o) => o.value));

/** `metadata.choices` of an operator input, as real cards carry them. */
export const OPERATOR_CHOICES = deepFreeze(OPERATORS.map(({ value, label }) => ({ value, label })));

const BY_EXPORT_LABEL = new Map<string, Operator>(
  OPERATORS.flatMap((o) => o.exportLabels.map((label) => [label, o.value] as const)),
);

/** The operator an export's text means: a value as it is, a UI label (any case) as its value. */
export function operatorOf(text: string): string {
  return BY_EXPORT_LABEL.get(text.toLowerCase()) ?? text;
}
