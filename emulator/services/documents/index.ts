/** The documents capability area: its operations, scheduled task kinds and taggable resource type. */
import { taggableResources } from '../../sim/tags/registry.js';
import type { Area } from '../../core/operation.js';
import createDocument from './createDocument.js';
import getDocument from './getDocument.js';
import describeDocument from './describeDocument.js';
import updateDocument from './updateDocument.js';
import deleteDocument from './deleteDocument.js';
import listDocuments from './listDocuments.js';
import listDocumentVersions from './listDocumentVersions.js';
import updateDocumentDefaultVersion from './updateDocumentDefaultVersion.js';
import describeDocumentPermission from './describeDocumentPermission.js';
import modifyDocumentPermission from './modifyDocumentPermission.js';
import listDocumentMetadataHistory from './listDocumentMetadataHistory.js';
import updateDocumentMetadata from './updateDocumentMetadata.js';
import { settleTask } from '../../sim/documents/lifecycle.js';
import { SETTLE_TASK } from '../../sim/documents/model.js';
import { documentTaggable } from './tagging.js';

export const documentsArea: Area = {
  name: 'documents',
  operations: [
    createDocument,
    getDocument,
    describeDocument,
    updateDocument,
    deleteDocument,
    listDocuments,
    listDocumentVersions,
    updateDocumentDefaultVersion,
    describeDocumentPermission,
    modifyDocumentPermission,
    listDocumentMetadataHistory,
    updateDocumentMetadata,
  ],
  tasks: { [SETTLE_TASK]: settleTask },
  provides: [taggableResources.provide(documentTaggable)],
};
