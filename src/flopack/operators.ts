/**
 * The comparison choices of If/Else, If/ElseIf, Continue If, Return Error If and Assign If, as stored in
 * exports (reference §1.7). Lint checks static operators against this list; the simulator evaluates them.
 */
export const OKTA_OPERATORS = [
  '==',
  '!=',
  '>=',
  '<=',
  '>',
  '<',
  '%',
  'in',
  'not in',
  'has',
  "doesn't have",
  'is empty',
  'is not empty',
] as const;

export type OktaOperator = (typeof OKTA_OPERATORS)[number];
