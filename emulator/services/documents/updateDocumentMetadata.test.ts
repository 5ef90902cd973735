import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, DescribeDocumentCommand, ListDocumentMetadataHistoryCommand, UpdateDocumentMetadataCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { changeTemplate, commandDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const review = (Action: 'SendForReview' | 'UpdateReview' | 'Approve' | 'Reject', comment?: string, Name = 'tmpl') =>
  t.ssm.send(
    new UpdateDocumentMetadataCommand({
      Name,
      DocumentVersion: '1',
      DocumentReviews: { Action, ...(comment && { Comment: [{ Type: 'Comment', Content: comment }] }) },
    }),
  );
const history = (input: Partial<ConstructorParameters<typeof ListDocumentMetadataHistoryCommand>[0]> = {}) =>
  t.ssm.send(new ListDocumentMetadataHistoryCommand({ Name: 'tmpl', Metadata: 'DocumentReviews', ...input }));

describe('UpdateDocumentMetadata and ListDocumentMetadataHistory', () => {
  it('moves a change template through review and records each step, newest first', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'tmpl', Content: changeTemplate, DocumentType: 'Automation.ChangeTemplate' }));
    await review('SendForReview');
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'tmpl' }))).Document).toMatchObject({ ReviewStatus: 'PENDING', PendingReviewVersion: '1' });
    await t.advance(60);
    await review('Approve', 'Looks good');
    const d = (await t.ssm.send(new DescribeDocumentCommand({ Name: 'tmpl' }))).Document!;
    expect(d).toMatchObject({ ReviewStatus: 'APPROVED', ApprovedVersion: '1' });
    expect(d.PendingReviewVersion).toBeUndefined();
    expect(d.ReviewInformation).toMatchObject([{ Status: 'APPROVED', Reviewer: 'arn:aws:iam::000000000000:root' }]);
    const h = await history();
    expect(h).toMatchObject({ Name: 'tmpl', DocumentVersion: '1', Author: 'arn:aws:iam::000000000000:root' });
    expect(h.Metadata!.ReviewerResponse!.map((r) => [r.ReviewStatus, r.Comment?.[0]?.Content])).toEqual([
      ['APPROVED', 'Looks good'],
      ['PENDING', undefined],
    ]);
  });

  it('pages the history', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'tmpl', Content: changeTemplate, DocumentType: 'Automation.ChangeTemplate' }));
    await review('SendForReview');
    await review('UpdateReview', 'one');
    await review('Reject', 'no');
    const p1 = await history({ MaxResults: 2 });
    expect(p1.Metadata!.ReviewerResponse!.map((r) => r.ReviewStatus)).toEqual(['REJECTED', 'PENDING']);
    const p2 = await history({ MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.Metadata!.ReviewerResponse!.map((r) => r.ReviewStatus)).toEqual(['PENDING']);
    expect(p2.NextToken).toBeUndefined();
  });

  it('refuses an action the review state does not allow', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'tmpl', Content: changeTemplate, DocumentType: 'Automation.ChangeTemplate' }));
    const e = await err(review('Approve'));
    expect(e.name).toBe('InvalidDocumentOperation');
    expect(e.message).toContain('NOT_REVIEWED');
  });

  it('refuses documents that are not change templates, unknown documents and unknown versions', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'plain', Content: commandDoc() }));
    expect((await err(review('SendForReview', undefined, 'plain'))).name).toBe('InvalidDocumentOperation');
    expect((await err(review('SendForReview', undefined, 'ghost'))).name).toBe('InvalidDocument');
    await t.ssm.send(new CreateDocumentCommand({ Name: 'tmpl', Content: changeTemplate, DocumentType: 'Automation.ChangeTemplate' }));
    const e = await err(t.ssm.send(new UpdateDocumentMetadataCommand({ Name: 'tmpl', DocumentVersion: '4', DocumentReviews: { Action: 'SendForReview' } })));
    expect(e.name).toBe('InvalidDocumentVersion');
    expect((await err(history({ Name: 'ghost' }))).name).toBe('InvalidDocument');
    expect((await err(history({ DocumentVersion: '9' }))).name).toBe('InvalidDocumentVersion');
    expect((await err(history({ NextToken: 'bogus' }))).name).toBe('InvalidNextToken');
  });

  it('gives an empty history for a document that is not a change template', async () => {
    const h = await t.ssm.send(new ListDocumentMetadataHistoryCommand({ Name: 'AWS-RunShellScript', Metadata: 'DocumentReviews' }));
    expect(h).toMatchObject({ Name: 'AWS-RunShellScript', DocumentVersion: '1', Metadata: { ReviewerResponse: [] } });
  });
});
