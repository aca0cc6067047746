import type { DynamicInputs, DynamicOutputs } from '../../src/spec/types.js';

/**
 * The dynamic group "Custom Fields" (key `custom`) the tests share: listed by `GET /fields`, the service answering
 * `{ fields: [{ id, … }] }`, each field's key at `id`. `more` adds to it or replaces a part.
 */
function customFields(): Pick<DynamicInputs, 'key' | 'label' | 'request' | 'items' | 'name'> {
  return {
    key: 'custom',
    label: 'Custom Fields',
    request: { method: 'GET', path: '/fields' },
    items: 'fields',
    name: 'id',
  };
}

/** "Custom Fields" as a dynamic input group. */
export function customFieldsInputs(more: Partial<DynamicInputs> = {}): DynamicInputs {
  return { ...customFields(), ...more };
}

/** "Custom Fields" as a dynamic output group, its values at `path` in the action's response body. */
export function customFieldsOutputs(more: Partial<DynamicOutputs> & { path: string }): DynamicOutputs {
  return { ...customFields(), ...more };
}
