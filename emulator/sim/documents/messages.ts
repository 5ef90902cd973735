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
