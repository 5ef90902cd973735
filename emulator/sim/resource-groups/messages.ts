/**
 * Error texts of Resource Groups. AWS documents the error codes (BadRequestException,
 * NotFoundException, ...) but not their messages: every text here is observed wording where marked,
 * otherwise our own wording (unverified), written to say exactly what is wrong.
 */

// NotFoundException (404)
export const groupNotFound = (name: string) => `Cannot find group ${name}.`; // unverified
export const resourceNotFound = (arn: string) => `Cannot find the resource ${arn}.`; // unverified

// BadRequestException (400)
export const groupExists = (name: string) => `Cannot create group: group ${name} already exists.`; // unverified
export const reservedName = (name: string) => `Group name ${name} is not valid: names cannot start with AWS or aws.`; // unverified
export const groupRequired = () => 'You must specify either Group or GroupName.'; // unverified
export const bothGroupForms = () => 'Specify only one of Group and GroupName.'; // unverified
export const queryAndConfiguration = () => 'A group can have either a ResourceQuery or a Configuration, but not both.'; // wording from the API reference
export const queryNotJson = (detail: string) => `Query not valid: the Query string is not JSON (${detail}).`; // unverified
export const queryNotValid = (detail: string) => `Query not valid: ${detail}`; // unverified
export const configurationNotSupported = () =>
  'Group configurations (service-linked groups) are not supported by the emulator; use a ResourceQuery.'; // emulator limitation
export const tooManyTags = (max: number) => `A resource group can have at most ${max} tags.`; // unverified
export const reservedTagKey = (key: string) => `Tag key ${key} is not valid: keys starting with aws: are reserved.`; // unverified
export const invalidNextToken = () => 'The NextToken is not valid.'; // unverified
export const notAGroupArn = (arn: string) => `${arn} is not the ARN of a resource group in this account and Region.`; // unverified
export const badFilterValue = (name: string, value: string) => `Filter ${name} does not accept the value ${value}.`; // unverified
export const duplicateFilter = (name: string) => `Filter ${name} is given more than once.`; // unverified
export const criticalityNotNumber = (value: string) => `Filter criticality needs whole numbers from 1 to 10, not ${value}.`; // unverified
export const resourceTypeFilterForUnsupported = (type: string) => `Resource type ${type} is not supported by this group's query.`; // unverified
export const unknownRoute = (method: string, path: string) => `No Resource Groups operation is bound to ${method} ${path}.`; // unverified
export const methodNotAllowed = (method: string, path: string) => `${path} does not accept ${method}.`; // unverified
