import type { Action } from './types.js';

/**
 * The inputs an action has besides `inputs[]`, each one object or text its request may use as `${inputs.<key>}`:
 * the dynamic input group, the extensible input group and the Selected Outputs text. One list, so the placeholder
 * scope and the duplicate-key rule agree.
 */
export function groupInputKeys(action: Action): Array<{ key: string; at: string }> {
  return [
    ...(action.dynamicInputs ? [{ key: action.dynamicInputs.key, at: 'dynamicInputs' }] : []),
    ...(action.extensibleInputs ? [{ key: action.extensibleInputs.key, at: 'extensibleInputs' }] : []),
    ...(action.selectedOutputs ? [{ key: action.selectedOutputs.key, at: 'selectedOutputs' }] : []),
  ];
}
