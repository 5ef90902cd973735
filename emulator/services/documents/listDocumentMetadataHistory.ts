import { defineOperation } from '../../core/operation.js';
import { InvalidDocument, InvalidNextToken } from '../../generated/ssm/errors.js';
import { pageSorted } from '../../core/pagination.js';
import { amazonDocument, ownDocument, selectVersion } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';

/**
 * ListDocumentMetadataHistory: the review history (Metadata DocumentReviews) of one version of a
 * change template, newest first. Documents that are not change templates have no history.
 */
export default defineOperation('ListDocumentMetadataHistory', (input, ctx) => {
  const ref = ownDocument(ctx, input.Name) ?? amazonDocument(ctx, input.Name);
  if (!ref) throw new InvalidDocument(messages.notFound(input.Name));
  const v = selectVersion(ref, { DocumentVersion: input.DocumentVersion ?? '$LATEST' });
  const history = (v.Reviews ?? []).map((r, i) => ({ r, key: String(1e9 - i).padStart(10, '0') })).reverse();
  const { page, nextToken } = pageSorted(history, (h) => h.key, input.MaxResults ?? 50, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  return {
    Name: ref.doc.Name,
    DocumentVersion: v.DocumentVersion,
    ...(ref.doc.Author !== undefined && { Author: ref.doc.Author }),
    Metadata: { ReviewerResponse: page.map((h) => h.r) },
    ...(nextToken && { NextToken: nextToken }),
  };
});
