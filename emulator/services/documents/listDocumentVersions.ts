import { defineOperation } from '../../core/operation.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import { pageSorted } from '../../core/pagination.js';
import { requireReadable, versionInfo, versionsOf } from '../../sim/documents/model.js';
import * as messages from '../../sim/documents/messages.js';

/** Paging key: the version number, zero-padded so keys sort like numbers. */
const key = (n: string) => n.padStart(10, '0');

/** ListDocumentVersions: every version, oldest first, by name or (for a shared document) ARN. */
export default defineOperation('ListDocumentVersions', (input, ctx) => {
  const ref = requireReadable(ctx, input.Name);
  let versions = versionsOf(ref.doc);
  const sharedAs = ref.share?.SharedDocumentVersion;
  if (sharedAs === '$DEFAULT') versions = versions.filter((v) => v.DocumentVersion === ref.doc.DefaultVersion);
  if (sharedAs === '$LATEST') versions = versions.filter((v) => v.DocumentVersion === ref.doc.LatestVersion);
  const { page, nextToken } = pageSorted(versions, (v) => key(v.DocumentVersion), input.MaxResults ?? 50, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  return { DocumentVersions: page.map((v) => versionInfo(ref.doc, v)), ...(nextToken && { NextToken: nextToken }) };
});
