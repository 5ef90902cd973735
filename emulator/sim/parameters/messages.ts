/**
 * Parameter Store's error texts, as AWS words them. Each says where the wording comes from:
 *   [doc]       AWS documentation (API reference, user guide) shows this text;
 *   [observed]  copied from real AWS output quoted in public issues, logs and transcripts;
 *   [unverified] our best guess at AWS's wording: the error code is right, the text may differ.
 */

// ---- names ----
/**
 * [observed] invalid characters, spaces, or an "ssm" prefix in a hierarchical name (aws-sdk-php#1952,
 * boto3#1499); also, recorded from AWS, a name with "/" that does not start with it or has an empty
 * level ("a/b/c", "/a//b//c"), for reads and writes alike. (CloudFormation words the first case
 * "Parameter name must be a fully qualified name." (aws-samples/cdk-image-pipeline#148); the API does not.)
 */
export const invalidNameOrSsmPrefix = () =>
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

/** [observed] a single-level name starting with aws or ssm (moto's recorded AWS responses). */
export const reservedPrefix = () => 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).';

/** [observed] AccessDeniedException for "/awssec/lab01/vpc_id": the name is printed without its leading slash. */
export const reservedName = (name: string) => `No access to reserved parameter name: ${name.replace(/^\//, '')}.`;

/** [unverified] HierarchyLevelLimitExceededException; the text follows the exception's model documentation. */
export const hierarchyTooDeep = () =>
  'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.';

/** [unverified] the documented 1011-character limit, counting the ARN before the name. */
export const nameTooLong = (arnLength: number) =>
  `Parameter name, including the ARN that precedes it, can't be longer than 1011 characters (this one has ${arnLength}).`;

/** [observed] GetParametersByPath path / DescribeParameters Path filter value that is not a valid hierarchy (moto's recorded AWS responses). */
export const invalidPath = () =>
  'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.';

/** [observed] DescribeParameters Path filter under /aws or /ssm (moto's recorded AWS responses). */
export const reservedPathFilter = () =>
  'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.';

// ---- lookups ----
/**
 * GetParameter of a name that does not exist: AWS sends ParameterNotFound with no message at all
 * (recorded from AWS; the CLI prints "An error occurred (ParameterNotFound) when calling the
 * GetParameter operation: " with nothing after the colon (awslabs/aws-simple-cicd#10,
 * aws-solutions/aws-control-tower-customizations#68), the JS SDK v2 "ParameterNotFound: null"
 * (external-secrets/kubernetes-external-secrets#264), the JS SDK v3 "UnknownError"). An empty
 * message is left out of the body (core/errors.ts).
 */
export const getParameterNotFound = () => '';

/**
 * [observed] DeleteParameter: "Parameter param-36e2b5a6 not found." (quoted in
 * localstack/localstack#11841). Also used, [unverified], by GetParameterHistory, LabelParameterVersion and
 * UnlabelParameterVersion, whose not-found wording AWS does not document.
 */
export const parameterNotFound = (name: string) => `Parameter ${name} not found.`;

/** [observed] "Systems Manager could not find version 2 of test-2. Verify the version and try again." */
export const versionNotFound = (selector: string | number, name: string) =>
  `Systems Manager could not find version ${selector} of ${name}. Verify the version and try again.`;

/** [unverified] a selector that is neither a version nor a valid label, or more than one ":" in a name. */
export const invalidSelector = (name: string) => `Invalid parameter name or selector: ${name}. A selector has the form name:version or name:label.`;

// ---- PutParameter ----
/** [observed] */
export const alreadyExists = () => 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.';

/** [observed] (moto's recorded AWS responses and several emulators agree). */
export const typeRequired = () => 'A parameter type is required when you create a parameter.';

/** [observed] (moto's recorded AWS responses). */
export const tagsWithOverwrite = () =>
  "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.";

/** [unverified] KeyId given for a String or StringList parameter. */
export const keyIdNotSecure = () => 'KeyId is required for SecureString type parameter only.';

/** [unverified] InvalidKeyId: a KeyId that names no usable KMS key. */
export const invalidKeyId = (keyId: string) => `Invalid KeyId: ${keyId}. Specify a KMS key id, key ARN, alias name or alias ARN in this Region.`;

/** [observed] "Standard tier parameters support a maximum parameter value of 4096 characters. ..." */
export const standardTooLarge = () =>
  'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html';

/** [observed] (terraform apply output quoted in a public repository). */
export const advancedTooLarge = () => 'The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters.';

/** [observed] the model-level limit on Value, which AWS reports without echoing the (sensitive) value. */
export const valueTooLong = () => "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 32768";

/** [observed] the PSParameterValue minimum length, reported without echoing the value. */
export const valueEmpty = () => "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1";

/** [observed] CloudFormation's surfacing of the PutParameter error. */
export const tierDowngrade = () =>
  "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.";

/** [unverified] policies on a parameter that resolves to the standard tier. */
export const policiesNeedAdvanced = () =>
  'Parameter policies are supported only for parameters in the advanced-parameter tier. Specify Tier=Advanced (or Intelligent-Tiering) and try again.';

/** [unverified] ParameterLimitExceeded: the per-Region quota of a tier is reached. */
export const parameterLimit = (tier: string, limit: number) =>
  `You have exceeded the number of ${tier === 'Advanced' ? 'advanced' : 'standard'} parameters (${limit}) for this account and Region. Delete parameters that you no longer need, or use the ${
    tier === 'Advanced' ? 'standard' : 'advanced'
  }-parameter tier, and try again.`;

/** [doc] user guide example: "Parameter value, cannot be validated against allowedPattern: \d{1,4}". */
export const patternMismatch = (pattern: string) => `Parameter value, cannot be validated against allowedPattern: ${pattern}`;

/** [unverified] InvalidAllowedPatternException. */
export const invalidAllowedPattern = (pattern: string) => `The allowed pattern ${pattern} is not a valid regular expression.`;

/** [observed] (moto's recorded AWS responses). */
export const unsupportedDataType = (dataType: string) => `The following data type is not supported: ${dataType} (Data type names are all lowercase.)`;

/** [unverified] aws:ec2:image values must look like an AMI id. */
export const invalidImageId = (value: string) => `Parameter value, ${value}, is not a valid image ID for data type aws:ec2:image. A valid image ID looks like ami-12345abcdeEXAMPLE.`;

/** [unverified] aws:ec2:image with a parameter type other than String. */
export const imageDataTypeNeedsString = () => 'The data type aws:ec2:image is supported only for parameters of type String.';

/** [observed] a value that references another parameter. */
export const nestedParameter = () => 'Parameter value can\'t nest another parameter. Do not use "{{}}" in the value.';

/** [observed] (moto's recorded AWS responses). */
export const maxVersions = (name: string, oldest: number) =>
  `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`;

/** [unverified] more than 50 tags on PutParameter. */
export const tooManyTagsOnCreate = () => 'A parameter can have at most 50 tags.';

// ---- parameter policies ----
/** [doc] the exception's documentation. */
export const invalidPolicyType = (type: string) =>
  `The policy type ${type} isn't supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.`;

/** [unverified] InvalidPolicyAttributeException, with what is wrong. */
export const invalidPolicyAttribute = (detail: string) => `A policy attribute or its value is invalid: ${detail}`;

/** [doc] "You can assign a maximum of 10 policies to a parameter." */
export const tooManyPolicies = () => 'You specified more than the maximum number of allowed policies for the parameter. The maximum is 10.';

/** [doc] the exception's documentation. */
export const incompatiblePolicies = (detail: string) =>
  `There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again. (${detail})`;

/** EventBridge action-reason texts of "Parameter Store Policy Action" events. [unverified] except the first. */
export const policyReasons = {
  /** [doc] the published aws.ssm@ParameterStorePolicyAction schema's example. */
  expired: () => 'Parameter expired and was deleted',
  expiresSoon: (before: string, unit: string, at: string) => `Parameter will expire in ${before} ${unit} (at ${at})`,
  unchanged: (after: string, unit: string) => `Parameter has not been changed for ${after} ${unit}`,
};

// ---- labels ----
/** [observed] (moto's recorded AWS responses; AWS omits the space after "labels."). */
export const tooManyLabels = () => 'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.';

// ---- filters ----
/** [observed] */
export const invalidFilterKey = (key: string, valid: readonly string[]) => `The following filter key is not valid: ${key}. Valid filter keys include: [${valid.join(', ')}].`;
/** [observed] */
export const duplicateFilter = (key: string) => `The following filter is duplicated in the request: ${key}. A request can contain only one occurrence of a specific filter.`;
/** [observed] */
export const invalidFilterOption = (option: string, valid: readonly string[]) => `The following filter option is not valid: ${option}. Valid options include: [${valid.join(', ')}].`;
/** [observed] */
export const invalidFilterValue = (value: string, valid: readonly string[]) => `The following filter value is not valid: ${value}. Valid values include: [${valid.join(', ')}].`;
/** [observed] AWS prints "null" for the missing list. */
export const missingFilterValues = (key: string) => `The following filter values are missing : null for filter key ${key}.`;
/** [observed] (moto's recorded AWS responses). */
export const filtersAndParameterFilters = () => 'You can use either Filters or ParameterFilters in a single request.';

// ---- paging ----
/** [unverified] InvalidNextToken. */
export const invalidNextToken = () => 'The specified token is not valid.';

// ---- sharing ----
/** [observed] IAM's wording for a cross-account request that no resource-based policy allows. */
export const crossAccountDenied = (account: string, action: string, arn: string) =>
  `User: arn:aws:iam::${account}:root is not authorized to perform: ssm:${action} on resource: ${arn} because no resource-based policy allows the ssm:${action} action`;

/** [unverified] writes to another account's parameter named by ARN. */
export const notOwner = (arn: string) => `You can't modify a parameter you don't own: ${arn}.`;

// ---- references to Secrets Manager (/aws/reference/secretsmanager/..., secret-refs.ts) ----
/**
 * [observed] "WithDecryption flag must be True for retrieving a Secret Manager secret." (AWS CLI output
 * quoted by users; also recorded by another emulator's tests against AWS).
 */
export const secretReferenceNeedsDecryption = () => 'WithDecryption flag must be True for retrieving a Secret Manager secret.';

/**
 * The text the issue gives as AWS's: "An error occurred (ParameterNotFound) when referencing Secrets
 * Manager: Secret <name> not found.", with the name as asked [unverified: one recording from AWS shows
 * "Secret aws/reference/secretsmanager/<id>null not found."].
 */
export const secretReferenceNotFound = (name: string) => `An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret ${name} not found.`;

/** [unverified] a secret scheduled for deletion, read through a reference. */
export const secretReferenceDeleted = () => 'Invalid Request to Secrets Manager';

/** [unverified] a reference with more than one selector or an empty one (the double space is AWS's). */
export const badReferenceSelector = () => 'Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>';
