/**
 * What EventBridge receives for Session Manager. Sessions have no service events of their own (the
 * EventBridge reference for Systems Manager lists none): rules match them as CloudTrail management
 * events, detail-type "AWS API Call via CloudTrail", source aws.ssm, eventSource ssm.amazonaws.com,
 * eventName StartSession / ResumeSession / TerminateSession / StartAccessRequest (EventBridge user
 * guide, "AWS service events delivered via AWS CloudTrail"; read-only calls such as DescribeSessions
 * and GetAccessToken are not delivered). The detail follows CloudTrail's record format; CloudTrail
 * hides a session's token ("Value hidden due to security reasons."). The caller is the account
 * root, as everywhere in the emulator.
 */
import type { Ctx } from '../../core/context.js';
import { eventTime } from '../../core/events.js';

export function emitApiCall(ctx: Ctx, eventName: string, requestParameters: Record<string, unknown>, responseElements: Record<string, unknown> | null): void {
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'AWS API Call via CloudTrail',
    resources: [],
    detail: {
      eventVersion: '1.09',
      userIdentity: { type: 'Root', principalId: ctx.account, arn: `arn:aws:iam::${ctx.account}:root`, accountId: ctx.account },
      eventTime: eventTime(ctx.now),
      eventSource: 'ssm.amazonaws.com',
      eventName,
      awsRegion: ctx.region,
      requestParameters,
      responseElements,
      ...(ctx.requestId !== undefined && { requestID: ctx.requestId }),
      eventID: ctx.emu.ids.uuid(),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ctx.account,
      eventCategory: 'Management',
    },
  });
}
