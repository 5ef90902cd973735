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

// Service configurations (user guide: Supported configuration types and parameters); texts unverified.
export const configurationNotValid = (detail: string) => `The group configuration isn't valid: ${detail}`; // unverified
export const unknownConfigurationType = (type: string, known: readonly string[]) => `${type} isn't a supported configuration type (${known.join(', ')}).`;
export const appRegistryManaged = (type: string) => `groups of type ${type} are managed by AWS Service Catalog AppRegistry and can't be created or changed with Resource Groups.`;
export const duplicateConfigurationType = (type: string) => `each configuration item must have a unique Type; ${type} is given twice.`;
export const unknownConfigurationParameter = (type: string, name: string, known: readonly string[]) =>
  `${name} isn't a parameter of ${type}${known.length ? ` (parameters: ${known.join(', ')})` : ' (it takes no parameters)'}.`;
export const duplicateConfigurationParameter = (type: string, name: string) => `${type} has the parameter ${name} twice.`;
export const configurationValueCount = (name: string, exactly?: number) => (exactly ? `${name} takes exactly ${exactly} value.` : `${name} needs at least one value.`);
export const configurationValue = (name: string, value: string, what: string) => `${value} isn't a valid value of ${name}: expected ${what}.`;
export const configurationNeeds = (type: string, name: string, value: string) =>
  `a configuration of type ${type} also needs an AWS::ResourceGroups::Generic item with ${name} = [${value}].`;
export const licenseChoice = () => 'AWS::EC2::HostManagement needs exactly one of allowed-host-based-license-configurations and any-host-based-license-configuration.';
export const firewallNeedsQuery = () => 'a group of type AWS::NetworkFirewall::RuleGroup must also have a tag-based resource query.';
export const noConfiguration = (name: string) => `Group ${name} has no service configuration.`; // unverified
export const configurationGroupQuery = (name: string) => `Group ${name} is a service-linked group with a configuration; it has no resource query.`; // unverified
export const deletionProtected = (name: string) => `Group ${name} has deletion protection (UNLESS_EMPTY) and still has members; ungroup them first.`; // unverified

// GroupResources / UngroupResources / ListGroupingStatuses (unverified texts and error codes of FailedResource).
export const notStaticGroup = (name: string) =>
  `Group ${name} isn't a group you can add resources to: GroupResources and UngroupResources work with AWS::EC2::HostManagement, AWS::EC2::CapacityReservationPool and AWS::ResourceGroups::ApplicationGroup groups.`;
export const memberNotFound = (arn: string) => `The resource ${arn} doesn't exist in this account and Region.`;
export const memberTypeNotAllowed = (arn: string, type: string, allowed: readonly string[]) =>
  `The resource ${arn} is of type ${type}; this group takes only ${allowed.join(', ')}.`;
export const notAMember = (arn: string) => `The resource ${arn} isn't a member of the group.`;
export const groupingGroupNotFound = (name: string) => `Cannot find group ${name}.`; // unverified

// Tag-sync tasks.
export const notApplicationGroup = (name: string) => `Group ${name} isn't an application group (configuration type AWS::ResourceGroups::ApplicationGroup).`;
export const tagSyncTagOrQuery = () => 'Specify either TagKey and TagValue, or a ResourceQuery, but not both.';
export const tagSyncBothTagParts = () => 'TagKey and TagValue must be specified together.';
export const tagSyncQueryType = () => 'A tag-sync task takes a tag-based query (TAG_FILTERS_1_0).';
export const tagSyncTaskNotFound = (arn: string) => `Cannot find the tag-sync task ${arn}.`;

// Account settings.
export const lifecycleChangePending = () => 'A change of group lifecycle events is still in progress; try again when GetAccountSettings shows it finished.';
export const applicationIdentity = (name: string) =>
  `group ${name} can't gain or lose the AWS::ResourceGroups::ApplicationGroup type: an application group's ARN carries its application id.`;
export const staticMembersRemain = (name: string) => `group ${name} still has resources added with GroupResources; ungroup them before removing the configuration type that holds them.`;
