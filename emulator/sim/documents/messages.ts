/**
 * Error texts of document content checks and of parameter resolution. Where a text was seen in an
 * AWS response it says "observed"; the others follow the style of the observed ones and are marked
 * "unverified" (AWS documents only the error codes of these rules, not their messages).
 */

// ---- content (CreateDocument / UpdateDocument) ----

/** Observed: "JSON not well-formed. at Line: 13, Column: 6" (InvalidDocumentContent). */
export const jsonNotWellFormed = (line: number, column: number) => `JSON not well-formed. at Line: ${line}, Column: ${column}`;
/** Unverified: the YAML counterpart of the observed JSON wording. */
export const yamlNotWellFormed = (line: number, column: number) => `YAML not well-formed. at Line: ${line}, Column: ${column}`;
/** Unverified. */
export const contentNotObject = () => 'The content for the document is not valid. The document must be a JSON or YAML object.';
/** Observed (Terraform note): "Document schema version is invalid. Value: 3.0". */
export const schemaVersionInvalid = (v: string) => `Document schema version is invalid. Value: ${v}`;
/** Unverified. */
export const schemaVersionMissing = () => 'Document schema version is missing. Specify schemaVersion in the document content.';
/** Unverified (InvalidDocumentSchemaVersion). */
export const schemaVersionNotForType = (v: string, type: string, allowed: readonly string[]) =>
  `Document schema version ${v} is not supported for document type ${type}. Supported schema versions: ${allowed.join(', ')}.`;
/** Observed: 'Parameter "PackageVersion" is not declared.' */
export const parameterNotDeclared = (name: string) => `Parameter "${name}" is not declared.`;
/** Unverified. */
export const parameterDefinitionInvalid = (name: string, why: string) => `Parameter "${name}" is not valid: ${why}.`;
/** Unverified. */
export const parametersNotObject = () => 'The parameters section must be an object that maps parameter names to their definitions.';
/** Unverified. */
export const missingSection = (section: string, type: string, schemaVersion?: string) =>
  `Document of type ${type}${schemaVersion ? ` with schema version ${schemaVersion}` : ''} must contain ${section}.`;
/** Unverified. */
export const sectionNotAllowed = (section: string, schemaVersion: string) => `${section} is not supported in schema version ${schemaVersion}.`;
/** Unverified. */
export const stepInvalid = (index: number, why: string) => `Step ${index + 1} in mainSteps is not valid: ${why}.`;
/** Unverified. */
export const unsupportedPlugin = (plugin: string) => `Plugin ${plugin} is not supported. Check the plugin name and try again.`;
/** Unverified. */
export const unsupportedAction = (action: string) => `Action ${action} is not supported. Check the action name and try again.`;
/** Unverified. */
export const duplicateStepName = (name: string) => `Step name ${name} is used more than once. Step names must be unique.`;
/** Unverified. */
export const invalidPrecondition = (step: string) =>
  `Invalid precondition in step ${step}. A precondition must be StringEquals: [platformType, Windows | Linux | MacOS].`;
/** Unverified. */
export const invalidSessionType = (value: unknown) =>
  `Invalid sessionType ${JSON.stringify(value)}. Valid session types: Standard_Stream, InteractiveCommands, NonInteractiveCommands, Port.`;
/** Unverified. */
export const invalidCalendar = (why: string) => `The content of the change calendar is not a valid iCalendar document: ${why}.`;
/** Unverified. */
export const formatNotSupportedForType = (format: string, type: string) => `Document format ${format} is not supported for document type ${type}.`;
/** Unverified. */
export const invalidField = (field: string, why: string) => `${field} is not valid: ${why}.`;

// ---- format conversion (GetDocument) ----

/** Observed: "Invalid document format JSON" (ValidationException, GetDocument of a TEXT document). */
export const invalidFormatConversion = (format: string) => `Invalid document format ${format}`;

// ---- parameter resolution (SendCommand, CreateAssociation, StartSession: InvalidParameters) ----

/** Observed: "document AWS-RunRemoteScript does not support parameters." (a parameter the document does not declare). */
export const commandUndeclaredParameter = (document: string) => `document ${document} does not support parameters.`;
/** Unverified. */
export const commandMissingParameter = (name: string) => `Parameter "${name}" is required. Specify a value for it and try again.`;
/** Unverified. */
export const commandNotAllowedValue = (name: string, value: string, allowed: readonly string[]) =>
  `Parameter "${name}" has value "${value}" not found in [${allowed.join(', ')}].`;
/** Unverified. */
export const commandPatternMismatch = (name: string, value: string, pattern: string) =>
  `Parameter "${name}" has value "${value}" that does not match the allowed pattern ${pattern}.`;

// ---- Automation (StartAutomationExecution: InvalidAutomationExecutionParametersException) ----

/** Observed: "Missing required parameter: InstanceIds in user inputs." */
export const automationMissingParameter = (name: string) => `Missing required parameter: ${name} in user inputs.`;
/** Observed: 'Parameter "Action" has value "install" not found in [Install, Uninstall].' */
export const automationNotAllowedValue = (name: string, value: string, allowed: readonly string[]) =>
  `Parameter "${name}" has value "${value}" not found in [${allowed.join(', ')}].`;
/** Unverified. */
export const automationUndeclaredParameter = (name: string) => `Parameter "${name}" is not defined in the document.`;
/** Unverified. */
export const automationPatternMismatch = (name: string, value: string, pattern: string) =>
  `Parameter "${name}" has value "${value}" not matching pattern ${pattern}.`;

// ---- shared by both styles (unverified) ----

export const wrongType = (name: string, type: string, why: string) => `Parameter "${name}" of type ${type} ${why}.`;
export const tooFewItems = (name: string, min: number, got: number) =>
  `Parameter "${name}" has ${got} item(s); it requires at least ${min}.`;
export const tooManyItems = (name: string, max: number, got: number) =>
  `Parameter "${name}" has ${got} item(s); it allows at most ${max}.`;
export const tooFewChars = (name: string, min: number) => `Parameter "${name}" has a value shorter than ${min} characters.`;
export const tooManyChars = (name: string, max: number) => `Parameter "${name}" has a value longer than ${max} characters.`;

// ---- Parameter Store references ----

/** Unverified. */
export const ssmParameterNotFound = (reference: string) => `Parameter Store parameter referenced by ${reference} was not found.`;
/** Unverified; AWS documents that SecureString values are reachable only through {{ssm-secure:...}} in a few inputs. */
export const secureStringNotAllowed = (reference: string) =>
  `${reference} refers to a SecureString parameter. SecureString parameters can be referenced only with {{ssm-secure:name}} in inputs that support them.`;
/** Unverified. */
export const ssmSecureNotSupportedHere = (reference: string) =>
  `${reference} is not supported here. {{ssm-secure:name}} references are supported only in the sourceInfo input of aws:downloadContent.`;

// ---- document reference (InvalidDocument / InvalidDocumentVersion) ----

/** Unverified. */
export const documentNotActive = (name: string, status: string) => `Document ${name} is not active (its status is ${status}).`;
/** Unverified. */
export const documentHashMismatch = () => 'The document hash does not match the hash of the requested document version.';
/** Unverified. */
export const documentTypeNotSupported = (name: string, type: string, expected: readonly string[]) =>
  `Document ${name} is of type ${type}; this operation accepts documents of type ${expected.join(', ')}.`;

// ──── the document operations (CreateDocument, UpdateDocument, DeleteDocument, sharing, listing) ────
// "Observed" texts were seen in AWS responses; "model" texts are the documentation strings of the
// error shapes in AWS's service model; "unverified" texts are our wording where AWS's is not known.

/** Observed: "Document with same name SSM-SessionManagerRunShell already exists". */
export const alreadyExists = (name: string) => `Document with same name ${name} already exists`;
/** Observed: "Document with name some-document-here does not exist." (InvalidDocument, GetDocument). */
export const notFound = (name: string) => `Document with name ${name} does not exist.`;

/** [doc] AssociatedInstances: "You must disassociate a document from all managed nodes before you can delete it." */
export const associatedInstances = () => 'You must disassociate a document from all managed nodes before you can delete it.';
/** Unverified (DeleteDocument has no InvalidDocumentVersion error, so an unknown version is InvalidDocument). */
export const versionNotFound = (name: string, version: string) => `Document ${name} has no version ${version}.`;
/** Model text of InvalidDocumentVersion. */
export const invalidVersion = () => "The document version isn't valid or doesn't exist.";
/** Partly observed ("Invalid document ..."); the reserved prefixes come from the CreateDocument reference. */
export const reservedName = (name: string) =>
  `Invalid document name ${name}. Document names can't begin with the reserved prefixes aws-, amazon, amzn, AWSEC2, AWSConfigRemediation or AWSSupport.`;
/** Model text of MaxDocumentSizeExceeded. */
export const tooLarge = () => 'The size limit of a document is 64 KB.';
/** Model text of DocumentLimitExceeded. */
export const documentLimit = (max: number) => `You can have at most ${max} active SSM documents.`;
/** Model text of DocumentVersionLimitExceeded. */
export const versionLimit = () => 'The document has too many versions. Delete one or more document versions and try again.';
/** Model text of DuplicateDocumentContent. */
export const duplicateContent = () =>
  'The content of the association document matches another document. Change the content of the document and try again.';
/** Unverified. */
export const duplicateVersionName = (versionName: string) => `The specified version name ${versionName} is a duplicate.`;
/** Unverified. */
export const updateOnlyLatest = () => 'Only the latest version of the document can be updated. Specify $LATEST or the latest version number.';
/** Unverified (InvalidDocumentSchemaVersion: schema 1.2 documents can't be updated, per the schema features page). */
export const schema12NotUpdatable = () =>
  'Documents that use schema version 1.2 cannot be updated or versioned. Create a new document with schema version 2.2 instead.';
/** Unverified. */
export const amazonOwned = (name: string) => `Document ${name} is owned by Amazon and is read-only. Only documents that your account owns can be changed.`;
/** Model text of InvalidDocumentOperation. */
export const deleteShared = () =>
  'You attempted to delete a document while it is still shared. You must stop sharing the document before you can delete it.';
/** Unverified. */
export const deleteDefaultVersion = () => "Default version of the document can't be deleted.";
/** Unverified. */
export const forceRequired = (type: string) => `Documents of type ${type} can only be deleted with Force set to true.`;
/** Unverified. */
export const versionAndNameMismatch = () => 'The document version and version name do not identify the same version of the document.';
/** Unverified. */
export const reservedType = (type: string) => `Document type ${type} is reserved for internal use by AWS AppConfig.`;
/** Unverified. */
export const requiresMissing = (type: string, required: string) => `A document of type ${type} must list a document of type ${required} in Requires.`;
/** Unverified (StatusInformation of a Failed version). */
export const requiredDocumentNotFound = (name: string) => `The required document ${name} doesn't exist or isn't shared with this account.`;
/** Unverified (StatusInformation). */
export const requiredDocumentWrongType = (name: string, type: string) => `The required document ${name} is not of type ${type}.`;
/** Unverified (StatusInformation). */
export const configurationInvalid = (why: string) => `The configuration does not match the required schema: ${why}`;
/** Unverified (StatusInformation): the required schema is not a usable JSON schema (invalid, or a $ref that does not resolve). */
export const schemaUnusable = (name: string, why: string) => `The required schema ${name} is not a valid JSON schema: ${why}`;
/** Unverified (StatusInformation). */
export const attachmentNotFound = (ref: string) => `The attachment reference ${ref} doesn't match an attachment of an existing document version.`;
/** Unverified. */
export const attachmentReferenceInvalid = (ref: string) =>
  `Attachment reference ${ref} is not valid. Use documentName/version/fileName or a document ARN with /version/fileName.`;

// ---- sharing ----

/** Unverified. */
export const noAccounts = () => 'You must specify AccountIdsToAdd or AccountIdsToRemove.';
/** Moto's wording, unverified against AWS. */
export const allOrAccounts = () => 'Accounts can either be all or a group of AWS accounts';
/** Model text of DocumentPermissionLimit. */
export const permissionLimit = () =>
  'The document can\'t be shared with more AWS accounts. You can share a private document with a maximum of 1,000 accounts and publicly share up to five documents.';
/** Unverified. */
export const cannotShareType = (type: string) => `Documents of type ${type} cannot be shared.`;

// ---- ListDocuments ----

/** Unverified. */
export const invalidFilterKey = (key: string) => `The filter key ${key} is not valid. Valid keys: Owner, Name, PlatformTypes, DocumentType, TargetType, SearchKeyword, tag-key, tag:<key>.`;
/** Unverified. */
export const invalidOwner = (value: string) => `Owner filter value ${value} is not valid. Valid values: Self, Amazon, Private, Public, All, ThirdParty.`;
/** Unverified (the model: "only one Owner can be specified in a request"). */
export const oneOwner = () => 'Only one Owner value can be specified in a request.';
/** Unverified (the model: "only supports filtering documents by using a single tag key"). */
export const oneTagKey = () => 'ListDocuments supports filtering by a single tag key at a time.';
/** Model text of InvalidNextToken. */
export const invalidNextToken = () => 'The specified token isn\'t valid.';
/** Unverified. */
export const filterNeedsValues = (key: string) => `The filter ${key} needs at least one value.`;

// ---- Change Manager reviews ----

/** Unverified. */
export const notChangeTemplate = (name: string) => `Document ${name} is not a change template. Reviews apply to documents of type Automation.ChangeTemplate.`;
/** Unverified. */
export const badReviewTransition = (action: string, status: string) => `The review action ${action} is not valid for a document version whose review status is ${status}.`;
