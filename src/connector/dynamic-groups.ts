/**
 * Dynamic output groups and dynamic group properties (Connector Builder, "Add dynamic fields and groups") — what is
 * inferred about them, in one place beside contract.ts (README "What is inferred"):
 *
 * [V] A Dynamic Output Group on the Return Outputs card names a helper flow returning its fields in the first of
 * Okta's two shapes, `[{name, displayname, type}]` (static group properties; `required` is for inputs only). The
 * second shape, dynamic group properties, has the flow return the group's name and extensibility with the fields;
 * it is for inputs only ("dynamic groups can't be used for outputs"), and only one input group may be dynamic.
 *
 * [I] The second shape's keys (`name`, `extensible`, `fields`) and its Return key `group` (Okta's page says the
 * platform recognises the shape from its structure, and shows no sample); the output group's stand-in on the
 * flopack: one object field on the Return card keyed by the group's key with `metadata.dynamicFields: {flo}`,
 * holding the service's values by field key; the flows' names `<Action> <Group> Fields` / `… Field`, shared with
 * dynamic input groups (so one card may not name an input and an output group alike: a flow-name clash).
 */
export const DYNAMIC_GROUP_PROPERTIES = {
  listReturn: 'group',
  name: 'name',
  extensible: 'extensible',
  fields: 'fields',
} as const;

/**
 * Extensible input fields: [V] an input group's "extensibility option" lets the card user add fields of their own.
 * [I] How they reach the flow: one object input keyed by the group's key with `metadata.extensible: true`, holding
 * the added fields by name (user-added fields carry `metadata.custom: true` in exports, reference §1.5).
 */
export const EXTENSIBLE_INPUTS = { metadataKey: 'extensible' } as const;

/**
 * Selected outputs (Connector Builder, "Add selectable outputs to an action card") [V]: the Connector Action card's
 * SELECTED OUTPUTS section has one field per output group, an object `{<field id>: {type, collection}}` of the
 * outputs the card user kept, with Okta's type names; the page suggests Object Keys and List to Text to send them to
 * a service as comma-separated text. [I]: the section's stand-in (a start-card object input in group
 * `Selected Outputs`, one per spec `selectedOutputs`: the static outputs' or the dynamic output group's), that a
 * static output's field id is its key and a dynamic field's its `name`, and that a card user who changes nothing
 * keeps every static output (the field's default, which the simulator uses when no value is given; a dynamic group's
 * fields are known only at design time, so its default is empty).
 */
export const SELECTED_OUTPUTS = {
  group: 'Selected Outputs',
  metadataKey: 'selectedOutputs',
  separator: ',',
  type: 'type',
  collection: 'collection',
} as const;
