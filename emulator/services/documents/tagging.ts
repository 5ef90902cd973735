/**
 * The Document resource type for AddTagsToResource / RemoveTagsFromResource / ListTagsForResource
 * (the tagging area dispatches here). Only the account's own documents carry tags; AWS-owned and
 * shared documents are not found (InvalidResourceId, answered by the tagging handlers).
 */
import type { TaggableType } from '../../sim/tags/registry.js';
import { arnOf, ownDocument, ownDocuments } from '../../sim/documents/model.js';

export const documentTaggable: TaggableType = {
  resourceType: 'Document',
  tags(ctx, resourceId) {
    // An account-default document becomes a stored one here, since the caller may change its tags.
    return ownDocument(ctx, resourceId, { materialize: true })?.doc.Tags;
  },
  list(ctx) {
    return ownDocuments(ctx).map((r) => ({ id: r.doc.Name, arn: arnOf(ctx, r), tags: r.doc.Tags }));
  },
  changed() {
    // No tag index to refresh: ListDocuments filters tags by scanning the account's documents.
  },
};
