import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidDocument, InvalidDocumentOperation } from '../../generated/ssm/errors.js';
import type { DocumentReviewAction, ReviewStatus } from '../../generated/ssm/types.js';
import { amazonDocument, ownDocument, selectVersion } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';

/** Review state machine of a change template version (Change Manager). */
const TRANSITIONS: Record<DocumentReviewAction, { from: readonly ReviewStatus[]; to: ReviewStatus }> = {
  SendForReview: { from: ['NOT_REVIEWED', 'REJECTED'], to: 'PENDING' },
  UpdateReview: { from: ['PENDING'], to: 'PENDING' },
  Approve: { from: ['PENDING'], to: 'APPROVED' },
  Reject: { from: ['PENDING'], to: 'REJECTED' },
};

/**
 * UpdateDocumentMetadata: a Change Manager review action on one version of a change template
 * (Automation.ChangeTemplate); every action is recorded for ListDocumentMetadataHistory, with the
 * caller's account root as Reviewer (the emulator has no IAM identities).
 */
export default defineOperation('UpdateDocumentMetadata', (input, ctx) => {
  const { Name } = input;
  const found = ownDocument(ctx, Name);
  if (!found) {
    if (amazonDocument(ctx, Name)) throw new InvalidDocumentOperation(messages.amazonOwned(Name));
    throw new InvalidDocument(messages.notFound(Name));
  }
  assert(found.doc.DocumentType === 'Automation.ChangeTemplate', () => new InvalidDocumentOperation(messages.notChangeTemplate(Name)));
  const v = selectVersion(found, { DocumentVersion: input.DocumentVersion ?? '$LATEST' });
  const action = input.DocumentReviews.Action;
  const t = TRANSITIONS[action];
  const status = v.ReviewStatus ?? 'NOT_REVIEWED';
  assert(t.from.includes(status), () => new InvalidDocumentOperation(messages.badReviewTransition(action, status)));

  const doc = found.doc;
  const now = toEpochSeconds(ctx.now);
  v.ReviewStatus = t.to;
  (v.Reviews ??= []).push({
    CreateTime: now,
    UpdatedTime: now,
    ReviewStatus: t.to,
    ...(input.DocumentReviews.Comment?.length && { Comment: structuredClone(input.DocumentReviews.Comment) }),
    Reviewer: `arn:aws:iam::${ctx.account}:root`,
  });
  if (t.to === 'PENDING') doc.PendingReviewVersion = v.DocumentVersion;
  else if (doc.PendingReviewVersion === v.DocumentVersion) delete doc.PendingReviewVersion;
  if (t.to === 'APPROVED') doc.ApprovedVersion = v.DocumentVersion;
  return {};
});
