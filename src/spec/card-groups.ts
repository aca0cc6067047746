import type { Action } from './types.js';

/**
 * The inputs an action has besides `inputs[]`, each one object or text its request may use as `${inputs.<key>}`:
 * the dynamic input group, the extensible input group and the Selected Outputs text. One list, so the placeholder
 * scope and the duplicate-key rule agree.
 */
export function groupInputKeys(action: Action): Array<{ key: string; at: string }> {
  const keys: Array<{ key: string; at: string }> = [];
  if (action.dynamicInputs) keys.push({ key: action.dynamicInputs.key, at: 'dynamicInputs' });
  if (action.extensibleInputs) keys.push({ key: action.extensibleInputs.key, at: 'extensibleInputs' });
  if (action.selectedOutputs) keys.push({ key: action.selectedOutputs.key, at: 'selectedOutputs' });
  return keys;
}
