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
