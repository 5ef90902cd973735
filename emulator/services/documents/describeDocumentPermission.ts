import { defineOperation } from '../../core/operation.js';
import { InvalidDocument, InvalidDocumentOperation, InvalidNextToken } from '../../generated/ssm/errors.js';
import { pageSorted } from '../../core/pagination.js';
import { amazonDocument, ownDocument } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';

/**
 * DescribeDocumentPermission: who the account shares its document with ("all" for a public share),
 * ordered by account id so that paging tokens survive changes.
 */
export default defineOperation('DescribeDocumentPermission', (input, ctx) => {
  const { Name } = input;
  const ref = ownDocument(ctx, Name);
  if (!ref) {
    if (amazonDocument(ctx, Name)) throw new InvalidDocumentOperation(messages.amazonOwned(Name));
    throw new InvalidDocument(messages.notFound(Name));
  }
  const sorted = [...ref.doc.Permissions].sort((a, b) => (a.AccountId < b.AccountId ? -1 : a.AccountId > b.AccountId ? 1 : 0));
  const { page, nextToken } = pageSorted(sorted, (p) => p.AccountId, input.MaxResults ?? 200, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  return {
    AccountIds: page.map((p) => p.AccountId),
    AccountSharingInfoList: page.map((p) => ({ AccountId: p.AccountId, SharedDocumentVersion: p.SharedDocumentVersion })),
    ...(nextToken && { NextToken: nextToken }),
  };
});
