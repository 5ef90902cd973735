/**
 * Error texts of the compliance operations. AWS does not publish these messages; every one is our
 * own wording (unverified) unless a line says otherwise. The error codes are AWS's (the model's
 * error lists).
 */

export const invalidResourceType = (type: string) => `The resource type ${type} is not valid. ManagedInstance is the only supported resource type.`; // unverified; docs: "ManagedInstance is currently the only supported resource type"
export const invalidResourceId = (id: string) => `The resource ID ${id} is not valid. Verify that the ID names a managed node and try again.`; // unverified
export const oneResourceIdOnly = () => 'Only one resource ID can be specified.'; // unverified; docs: "Currently, you can only specify one resource ID per call"
export const customTypeLimit = (max: number) => `You specified too many custom compliance types. You can specify a maximum of ${max} different types.`; // docs (ComplianceTypeCountLimitExceededException)
export const invalidFilterKey = (key: string) => `The filter key ${key} is not valid.`; // unverified
export const filterKeyRequired = () => 'A compliance filter must have a Key.'; // unverified
export const filterValuesRequired = (key: string) => `The filter ${key} must have at least one value.`; // unverified
export const invalidFilterTime = (key: string, value: string) => `The value ${value} of filter ${key} is not a valid time. Use the format yyyy-MM-dd'T'HH:mm:ss'Z'.`; // unverified; format from the API reference
export const invalidFilterValue = (key: string, value: string, valid: readonly string[]) => `The value ${value} is not valid for the filter ${key}. Valid values: ${valid.join(', ')}.`; // unverified
export const invalidNextToken = () => 'The specified token is not valid.'; // unverified
