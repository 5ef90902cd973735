/**
 * Error texts of OpsCenter (OpsItems, related items, GetOpsSummary) and OpsMetadata.
 *   [doc]        the exception's or the member's documentation in AWS's API reference / user guide;
 *   [unverified] our best guess at AWS's wording: the error code is right, the text may differ.
 */

// ---- OpsItems ----

/** [doc] OpsItemNotFoundException, with the id. */
export const opsItemNotFound = (id: string) => `The specified OpsItem ID doesn't exist. Verify the ID and try again. OpsItem ID: ${id}`;

/** [doc] OpsItemAlreadyExistsException (a deduplication string matches an open or in-progress OpsItem). */
export const alreadyExists = (id: string) => `The OpsItem already exists. OpsItem ID: ${id}`;

/** [doc] OpsItemAccessDeniedException. */
export const accessDenied = () =>
  "You don't have permission to view OpsItems in the specified account. Verify that your account is configured either as a Systems Manager delegated administrator or that you are logged into the Organizations management account.";

/** [doc] OpsItemConflictException. */
export const beingDeleted = (id: string) => `The specified OpsItem is in the process of being deleted. OpsItem ID: ${id}`;

/** [doc] DeleteOpsItem doesn't support cross-account calls. */
export const deleteCrossAccount = () => "DeleteOpsItem doesn't support cross-account calls: delete the OpsItem from the account that owns it.";

/** [doc] operational data keys can't begin with amazon, aws, amzn, ssm, /amazon, /aws, /amzn, /ssm. */
export const reservedDataKey = (key: string) =>
  `Operational data key ${key} is reserved: keys can't begin with amazon, aws, amzn, ssm, /amazon, /aws, /amzn or /ssm (except /aws/dedup, /aws/resources and /aws/automations).`;

/** [doc] the source name can't contain aws, amazon or amzn. */
export const reservedSource = (source: string) => `The source ${source} isn't valid: the source name can't contain aws, amazon, or amzn.`;

/** [doc] an operational data value is at most 20 KB. */
export const dataValueTooLarge = (key: string, max: number) => `The value of operational data key ${key} is larger than ${max} bytes (20 KB).`;

/** [unverified] /aws/resources, /aws/automations or /aws/dedup whose value is not what the user guide shows. */
export const badReservedData = (key: string, shape: string) => `The value of operational data key ${key} must be a JSON ${shape}.`;

/** [doc] an OpsItem lists at most 100 related resources / 10 associated runbooks. */
export const tooManyInReservedData = (key: string, max: number) => `Operational data key ${key} can list at most ${max} entries.`;

/** [doc] "After you create an OpsItem, you can't edit or change the deduplication strings in that OpsItem." */
export const dedupImmutable = () => "You can't edit or delete the deduplication string (/aws/dedup) of an existing OpsItem.";

/** [doc] the SNS topic must be in the OpsItem's Region. */
export const notificationRegion = (arn: string, region: string) =>
  `The Amazon SNS topic ${arn} must exist in the same AWS Region as the OpsItem (${region}).`;

/** [unverified] a notification that is not an SNS topic ARN. */
export const notificationNotTopic = (arn: string) => `${arn} is not the ARN of an Amazon SNS topic.`;

/** [unverified] a related OpsItem that does not exist (or is the OpsItem itself). */
export const badRelatedOpsItem = (id: string) => `The related OpsItem ${id} doesn't exist in this account and Region.`;
export const selfRelated = (id: string) => `An OpsItem can't be related to itself (${id}).`;

/** [unverified] quota of related OpsItems per OpsItem (Systems Manager service quotas: 10). */
export const tooManyRelatedOpsItems = (max: number) => `An OpsItem can have at most ${max} related OpsItems.`;

/** [doc] the OpsItem types Systems Manager supports. */
export const badOpsItemType = (type: string, allowed: readonly string[]) => `The OpsItem type ${type} isn't supported. Supported types: ${allowed.join(', ')}.`;

/** [unverified] a status that does not belong to the OpsItem's type. */
export const badStatus = (status: string, type: string, allowed: readonly string[]) =>
  `The status ${status} isn't valid for an OpsItem of type ${type}. Valid statuses: ${allowed.join(', ')}.`;

/** [unverified] OpsItemId and OpsItemArn naming different OpsItems. */
export const arnMismatch = (arn: string, id: string) => `The OpsItem ARN ${arn} doesn't name the OpsItem ${id}.`;

/** [doc] the quotas OpsItemLimitExceededException reports (OpsCenter troubleshooting). */
export const totalLimit = (max: number) => `The request exceeds the quota of ${max} OpsItems per AWS account per Region (including Open and Resolved OpsItems).`;
export const monthlyLimit = (max: number) => `The request exceeds the quota of ${max} OpsItems per AWS account per month.`;

/** [unverified] tags beyond the 50 a resource may carry. */
export const tooManyTags = (max: number) => `An OpsItem can have at most ${max} tags.`;

/** [unverified] a NextToken this operation did not issue. */
export const invalidNextToken = () => 'The NextToken is not valid.';

/** [unverified] DescribeOpsItems filters. */
export const badFilterKey = (key: string) => `The OpsItem filter key ${key} isn't supported.`;
export const badFilterOperator = (operator: string, allowed: readonly string[], key: string) =>
  `The operator ${operator} isn't supported for the OpsItem filter key ${key}. Supported operators: ${allowed.join(', ')}.`;
export const badFilterValue = (key: string, value: string, allowed?: readonly string[]) =>
  `The value ${value} isn't valid for the OpsItem filter key ${key}${allowed ? `. Valid values: ${allowed.join(', ')}` : ''}.`;
export const missingFilterValues = (key: string) => `The OpsItem filter ${key} needs at least one value.`;
/** [doc] "If you specify more than 100 characters, the system returns an error that the filter value exceeds the length limit." */
export const titleTooLong = (max: number) => `The filter value exceeds the length limit: the Equal operator of Title matches the first ${max} characters.`;
export const operationalDataFilterValue = (value: string) => `The OperationalData filter value ${value} must be JSON of the form {"key":"key_name","value":"a_value"}.`;

// ---- related items ----

/** [doc] OpsItemRelatedItemAlreadyExistsException. */
export const relatedItemExists = (uri: string, id: string) => `The Amazon Resource Name (ARN) ${uri} is already associated with the OpsItem ${id}.`;

/** [doc] OpsItemRelatedItemAssociationNotFoundException. */
export const associationNotFound = (associationId: string) =>
  `The association wasn't found using the parameters you specified in the call. Verify the information and try again. Association ID: ${associationId}`;

/** [doc] the association types and resource types OpsCenter supports (AssociateOpsItemRelatedItem). */
export const badAssociationType = (type: string, allowed: readonly string[]) => `The association type ${type} isn't supported. Supported types: ${allowed.join(', ')}.`;
export const badRelatedResourceType = (type: string, allowed: readonly string[]) =>
  `The resource type ${type} isn't supported for related items. Supported types: ${allowed.join(', ')}.`;
/** [unverified] a ResourceUri that is not an ARN. */
export const badResourceUri = (uri: string) => `The resource URI ${uri} isn't the Amazon Resource Name (ARN) of an AWS resource.`;
/** [unverified] quota of related items per OpsItem. */
export const tooManyRelatedItems = (max: number) => `An OpsItem can have at most ${max} related items.`;

// ---- GetOpsSummary ----

/** [doc] InvalidFilter, with what is wrong. */
export const invalidSummaryFilter = (key: string, detail: string) => `The filter name isn't valid. Verify that you entered the correct name and try again. ${key}: ${detail}`;
/** [doc] InvalidTypeNameException, with the name. */
export const invalidTypeName = (name: string, known: readonly string[]) => `The parameter type name isn't valid: ${name}. Valid type names: ${known.join(', ')}.`;
/** [doc] InvalidAggregatorException, with what is wrong. */
export const invalidAggregator = (detail: string) => `The specified aggregator isn't valid for the group type. ${detail}`;
/** [doc] ResourceDataSyncNotFoundException; the emulator keeps no synced OpsData (they live in S3). */
export const syncNotFound = (name: string) => `The specified sync name wasn't found: ${name}. The emulator reads OpsData of this account and Region only; resource data syncs are not a source of OpsData here.`;
/** [unverified] a type whose OpsData comes from a capability that is not loaded. */
export const noOpsDataSource = (name: string) => `${name} OpsData is provided by a capability that this emulator instance does not run, so it has no data to summarize.`;

// ---- OpsMetadata ----

/** [doc] OpsMetadataNotFoundException. */
export const metadataNotFound = (arn: string) => `The OpsMetadata object doesn't exist: ${arn}`;
/** [doc] OpsMetadataAlreadyExistsException. */
export const metadataExists = (resourceId: string) => `An OpsMetadata object already exists for the selected resource: ${resourceId}`;
/** [doc] OpsMetadataLimitExceededException. */
export const metadataLimit = (max: number) =>
  `Your account reached the maximum number of OpsMetadata objects allowed by Application Manager. The maximum is ${max} OpsMetadata objects. Delete one or more OpsMetadata object and try again.`;
/** [doc] OpsMetadataKeyLimitExceededException, with the emulator's limit. */
export const metadataKeyLimit = (max: number) =>
  `The OpsMetadata object exceeds the maximum number of OpsMetadata keys that you can assign to an application in Application Manager (${max}).`;
/** [unverified] OpsMetadataInvalidArgumentException variants. */
export const metadataBadResourceId = (id: string) =>
  `The resource ID ${id} isn't valid: it must be the ARN of a resource group, or a path of letters, digits, and - _ . / characters.`;
export const metadataNothingToUpdate = () => 'Specify MetadataToUpdate, KeysToDelete, or both.';
export const metadataKeyNotFound = (key: string) => `The metadata key ${key} doesn't exist in the OpsMetadata object.`;
export const metadataUpdateAndDelete = (key: string) => `The metadata key ${key} can't be both updated and deleted in one request.`;
export const metadataBadFilter = (key: string, allowed: readonly string[]) => `The OpsMetadata filter key ${key} isn't supported. Supported keys: ${allowed.join(', ')}.`;
export const metadataTooManyTags = (max: number) => `You can specify a maximum of ${max} tags for an OpsMetadata object.`;
export const metadataInvalidNextToken = () => 'The NextToken is not valid.';
