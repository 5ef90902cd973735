/**
 * Error texts of the document operations. "Observed" texts were seen in AWS responses; "model" texts
 * are the documentation strings of the error shapes in AWS's service model; "unverified" texts are
 * our wording where AWS's is not known.
 */

/** Observed: "Document with same name SSM-SessionManagerRunShell already exists". */
export const alreadyExists = (name: string) => `Document with same name ${name} already exists`;
/** Observed: "Document with name some-document-here does not exist." (InvalidDocument, GetDocument). */
export const notFound = (name: string) => `Document with name ${name} does not exist.`;
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
