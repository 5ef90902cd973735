import { defineOperation } from '../../core/operation.js';
import type { GetDocumentResult } from '../../generated/ssm/types.js';
import { contentAs } from '../../sim/documents/content.js';
import { attachmentsContent, requireReadable, selectVersion } from '../../sim/documents/model.js';

/**
 * GetDocument: by name, or by ARN for a document shared with the caller; DocumentFormat converts
 * between JSON and YAML (a TEXT document converts to nothing else).
 */
export default defineOperation('GetDocument', (input, ctx) => {
  const ref = requireReadable(ctx, input.Name);
  const v = selectVersion(ref, input);
  const format = input.DocumentFormat ?? v.DocumentFormat;
  const out: GetDocumentResult = {
    Name: ref.doc.Name,
    CreatedDate: v.CreatedDate,
    ...(v.DisplayName !== undefined && { DisplayName: v.DisplayName }),
    ...(v.VersionName !== undefined && { VersionName: v.VersionName }),
    DocumentVersion: v.DocumentVersion,
    Status: v.Status,
    ...(v.StatusInformation !== undefined && { StatusInformation: v.StatusInformation }),
    Content: contentAs(v.Content, v.DocumentFormat, format),
    DocumentType: ref.doc.DocumentType,
    DocumentFormat: format,
  };
  if (v.Requires?.length) out.Requires = v.Requires;
  const attachments = attachmentsContent(v);
  if (attachments) out.AttachmentsContent = attachments;
  if (v.ReviewStatus !== undefined) out.ReviewStatus = v.ReviewStatus;
  return out;
});
