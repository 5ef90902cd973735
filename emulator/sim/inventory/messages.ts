/**
 * Texts of the inventory operations and of the aws:softwareInventory plugin. Where the wording comes
 * from is noted on each line: "agent" = amazon-ssm-agent's source (agent/plugins/inventory), "docs"
 * = the user guide or API reference, "unverified" = our own wording where AWS's is not published.
 */

// PutInventory
export const instanceNotFound = (id: string) => `Instance ${id} is not a managed node or is not in a valid state.`; // unverified
export const unknownType = (type: string) => `${type} is not a valid inventory type name.`; // unverified
export const serviceMaintainedType = (type: string) => `${type} is maintained by Systems Manager and cannot be put.`; // unverified
export const unsupportedVersion = (type: string, version: string, supported: readonly string[]) =>
  `Schema version ${version} of ${type} is not supported. Supported versions: ${supported.join(', ')}.`; // unverified
export const unknownAttribute = (type: string, attribute: string) => `${attribute} is not an attribute of ${type}.`; // unverified
export const attributeCaseConflict = (type: string, attribute: string, existing: string) =>
  `Attribute ${attribute} of ${type} differs only in case from the existing attribute ${existing}.`; // unverified; docs: attributes must be referenced consistently
export const tooManyAttributes = (type: string, max: number) => `${type} would have more than ${max} attributes.`; // unverified
export const customTypeLimit = (max: number) => `You have exceeded the limit of ${max} custom inventory types. Delete one or more custom schemas and try again.`; // unverified; docs: "a maximum of 20 custom inventory types"
export const itemTooLarge = (type: string, max: number) => `The inventory item ${type} is larger than ${max} bytes.`; // unverified
export const totalTooLarge = (max: number) => `The inventory data of this call is larger than ${max} bytes.`; // unverified
export const hashMismatch = (type: string) => `The ContentHash of ${type} does not match the stored content; send the content.`; // unverified
export const contextNotAllowed = (type: string) => `The Context attribute is not allowed for ${type}.`; // unverified; docs: "You can only use the Context attribute with inventory types like AWS:ComplianceItem"
export const invalidContextKey = (key: string, allowed: readonly string[]) => `${key} is not a valid Context key. Valid keys: ${allowed.join(', ')}.`; // unverified
export const contextKeyRequired = (key: string) => `The Context attribute must contain ${key}.`; // unverified
export const complianceSubTypeLimit = (max: number) => `A node can have at most ${max} custom compliance types.`; // unverified; docs: 10 custom compliance types per node
export const invalidComplianceContent = (field: string, value: string) => `${value} is not a valid ${field} of a compliance item.`; // unverified
/** docs ("About EventBridge monitoring of Inventory events", the guide's own spelling of "version"). */
export const disabledVersionPut = (type: string, version: string, disabled: string) =>
  `The inventory item with type name ${type} was sent with a disabled schema verison ${version}. You must send a version greater than ${disabled}`;
export const olderVersionPut = (type: string, version: string, current: string) =>
  `The inventory item with type name ${type} was sent with schema version ${version}, lower than the current version ${current}.`; // unverified

// GetInventory / ListInventoryEntries
export const invalidFilterKey = (key: string) => `The filter key ${key} is not valid. Use TypeName.Attribute, for example AWS:Application.Name.`; // unverified
export const unknownFilterAttribute = (key: string) => `The filter key ${key} does not name an attribute of its inventory type.`; // unverified
export const invalidFilterValue = (key: string, value: string) => `The value ${value} is not valid for the filter ${key}.`; // unverified
export const existsOnlyWithAggregators = () => 'The Exists filter must be used with aggregators.'; // docs (InventoryFilter.Type)
export const typeNameNeedsExists = () => 'A TypeName filter must use the Exists operator.'; // unverified
export const filterTypeMismatch = (key: string, type: string) => `The filter ${key} is not an attribute of ${type}.`; // unverified
export const invalidResultAttribute = (type: string) => `${type} is not a valid result attribute type name.`; // unverified
export const invalidAggregatorExpression = (e: string) => `The aggregator expression ${e} is not valid. Use TypeName.Attribute, for example AWS:Application.Name.`; // unverified
export const notAggregatable = (e: string) => `${e} does not support aggregation. GetInventorySchema with Aggregator lists what does.`; // unverified
export const aggregatorShape = () => 'An aggregator needs either an Expression or Groups, not both.'; // unverified
export const groupsCannotNest = () => 'An aggregator with Groups cannot have nested Aggregators.'; // unverified
export const duplicateGroup = (name: string) => `The inventory group name ${name} is used more than once.`; // unverified
export const invalidNextToken = () => 'The specified token is not valid.'; // unverified

// DeleteInventory / DescribeInventoryDeletions
export const deleteNeedsCustomType = (type: string) => `${type} is not a custom inventory type. Only custom inventory types can be deleted.`; // unverified; docs: "Delete a custom inventory type"
export const deletionInProgress = (type: string) => `A deletion of ${type} is already in progress.`; // unverified
export const tokenReused = () => 'The ClientToken was already used with different parameters.'; // unverified
export const deletionNotFound = (id: string) => `The deletion ID ${id} does not exist.`; // unverified
export const deletionInProgressMessage = () => 'The Delete is in progress'; // docs (describe-inventory-deletions output)
export const deletionCompleteMessage = () => 'Deletion is successful'; // docs (describe-inventory-deletions output)
/** docs ("About EventBridge monitoring of Inventory events": the delete-summary event). */
export const deletionSummaryReason = (type: string, summary: string) => `The delete for type name ${type} was completed. The deletion summary is: ${summary}`;

// Resource data sync
export const syncExists = (name: string) => `A sync configuration with the name ${name} already exists.`; // unverified; docs: "A sync configuration with the same name already exists"
export const syncNotFound = (name: string) => `Resource data sync ${name} was not found.`; // unverified
export const syncLimit = (max: number) => `You have exceeded the allowed maximum of ${max} sync configurations.`; // unverified
export const syncNeedsDestination = () => 'S3Destination is required when SyncType is SyncToDestination.'; // unverified; docs: "This parameter is required if the SyncType value is SyncToDestination"
export const syncNeedsSource = () => 'SyncSource is required when SyncType is SyncFromSource.'; // unverified; docs: "This parameter is required if the SyncType value is SyncFromSource"
export const syncDestinationNotAllowed = () => 'S3Destination is only valid when SyncType is SyncToDestination.'; // unverified
export const syncSourceNotAllowed = () => 'SyncSource is only valid when SyncType is SyncFromSource.'; // unverified
export const invalidSyncType = (type: string) => `${type} is not a valid SyncType. Valid values: SyncToDestination, SyncFromSource.`; // unverified
export const invalidSourceType = (type: string) => `${type} is not a valid SourceType. Valid values: AwsOrganizations, SingleAccountMultiRegions.`; // unverified
export const organizationsSourceRequired = () => 'AwsOrganizationsSource is required when SourceType is AwsOrganizations.'; // unverified
export const organizationsSourceNotAllowed = () => 'AwsOrganizationsSource is only valid when SourceType is AwsOrganizations.'; // unverified
export const invalidOrganizationSourceType = (type: string) => `${type} is not a valid OrganizationSourceType. Valid values: OrganizationalUnits, EntireOrganization.`; // unverified
export const organizationalUnitsRequired = () => 'OrganizationalUnits is required when OrganizationSourceType is OrganizationalUnits.'; // unverified
export const invalidSyncFormat = (format: string) => `${format} is not a supported SyncFormat. JsonSerDe is the only supported format.`; // unverified
export const invalidSharingType = (type: string) => `${type} is not a valid DestinationDataSharingType. Organization is the only supported type.`; // unverified; docs: "Only Organization is supported"
export const updateOnlyFromSource = () => 'UpdateResourceDataSync supports only a resource data sync of SyncType SyncFromSource.'; // unverified; docs: "This API operation only supports a resource data sync that was created with a SyncFromSource SyncType"
export const sourceTypeChange = () => "The account options of a resource data sync can't be changed. Delete the sync and create a new one."; // unverified; docs: "you can't change the account options for that sync"

// The aws:softwareInventory plugin (agent: agent/plugins/inventory/inventory.go)
export const onlyViaAssociation = (plugin: string) => `${plugin} plugin can only be invoked via ssm-associate`; // agent (errorMsgForExecutingInventoryViaAssociate); docs quote it
export const policyApplied = () => 'Inventory policy has been successfully applied and collected inventory data has been uploaded to SSM'; // agent (successfulMsgForInventoryPlugin)
export const nothingToUpload = () => 'Inventory policy has been successfully applied but there is no inventory data to upload to SSM'; // agent (msgWhenNoDataToReturnForInventoryPlugin)
export const invalidFilesInput = (detail: string) => `Encountered error while executing AWS:File. Error - invalid files configuration: ${detail}`; // agent prefix ("Encountered error while executing %v. Error - %v"); detail unverified
export const invalidRegistryInput = (detail: string) => `Encountered error while executing AWS:WindowsRegistry. Error - invalid windowsRegistry configuration: ${detail}`; // agent prefix; detail unverified
export const uploadFailed = (detail: string) => `inventory data could not be uploaded to Systems Manager. Additional troubleshooting information - ${detail}`; // agent (errorMsgForInabilityToSendDataToSSM)
