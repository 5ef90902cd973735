/**
 * Building blocks for the JSON Schemas of state slices (defineSlice's third argument), which a
 * snapshot passes before it replaces anything (state/snapshot.ts; POST /_emulator/state and
 * --data-dir's state.json).
 *
 * A slice's schema states what its code relies on: the type of every member it reads, the members
 * every record has, enums where the code switches on them. Objects accept members they do not list,
 * so state written by a newer emulator or a record that gained an optional member still loads; a
 * member the code reads with a wrong type, a null where a record belongs, or a missing required
 * member is refused with its path.
 */
export type JsonSchema = { readonly [k: string]: unknown };

export const str: JsonSchema = { type: 'string' };
export const num: JsonSchema = { type: 'number' };
export const int: JsonSchema = { type: 'integer' };
export const bool: JsonSchema = { type: 'boolean' };
/** Any JSON value (free-form data such as a document's inputs or a remembered answer). */
export const anyJson: JsonSchema = {};

export const arr = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
/** A record keyed by user-supplied names (any key; every value of this shape). */
export const rec = (values: JsonSchema): JsonSchema => ({ type: 'object', additionalProperties: values });
/** An object with these required members and these optional ones (other members are accepted). */
export const obj = (required: Record<string, JsonSchema>, optional: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  required: Object.keys(required),
  properties: { ...required, ...optional },
});
export const oneOf = (...values: readonly (string | number | boolean)[]): JsonSchema => ({ enum: values });
/** A fixed-length array of these items ([key, state, time, level]). */
export const tuple = (...items: JsonSchema[]): JsonSchema => ({ type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length });

/** AWS's Tag list as stored on records. */
export const tagList = arr(obj({ Key: str, Value: str }));
/** AWS's Targets list (Run Command, State Manager, Automation, Maintenance Windows): Key and Values are optional in the model. */
export const targetList = arr(obj({}, { Key: str, Values: arr(str) }));
/** AWS's AlarmConfiguration as stored on commands, tasks, associations and executions. */
export const alarmConfiguration = obj({ Alarms: arr(obj({ Name: str })) }, { IgnorePollAlarmFailure: bool });
/** AWS's TargetLocations entry (Automation executions and associations that run in other accounts and Regions). */
export const targetLocation = obj(
  {},
  {
    Accounts: arr(str), Regions: arr(str), TargetLocationMaxConcurrency: str, TargetLocationMaxErrors: str, ExecutionRoleName: str,
    TargetLocationAlarmConfiguration: alarmConfiguration, IncludeChildOrganizationUnits: bool, ExcludeAccounts: arr(str), Targets: targetList,
    TargetsMaxConcurrency: str, TargetsMaxErrors: str,
  },
);
/** AWS's TargetMaps: each entry a parameter name -> values map. */
export const targetMaps = arr(rec(arr(str)));

/**
 * The check for a slice this build does not declare (state written by a newer emulator): an object
 * whose object members (the records keyed by name) hold no null entries. Every declared slice has a
 * schema of its own (defineSlice requires one).
 */
export const FALLBACK_SLICE_SCHEMA: JsonSchema = rec({
  anyOf: [{ type: ['array', 'string', 'number', 'boolean', 'null'] }, rec({ type: ['object', 'array', 'string', 'number', 'boolean'] })],
});
