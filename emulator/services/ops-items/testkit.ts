/** Helpers shared by the ops-items tests (no test-runner imports). */
import { CreateOpsItemCommand, PutResourcePolicyCommand, type CreateOpsItemCommandInput, type SSMClient } from '@aws-sdk/client-ssm';

export const OWNER = '111111111111';
export const ADMIN = '222222222222';

/** CreateOpsItem with the required members filled in. */
export const createItem = (ssm: SSMClient, extra: Partial<CreateOpsItemCommandInput> = {}) =>
  ssm.send(new CreateOpsItemCommand({ Title: 'Disk full', Description: 'The root volume is full', Source: 'EC2', ...extra }));

export const dedup = (s: string) => ({ '/aws/dedup': { Value: JSON.stringify({ dedupString: s }), Type: 'SearchableString' as const } });

export const opsItemGroupArn = (account: string, region = 'us-east-1') => `arn:aws:ssm:${region}:${account}:opsitemgroup/default`;

/** The owner's OpsItemGroup policy, granting `actions` to the accounts (OpsCenter's cross-account setup). */
export async function shareOpsItems(owner: SSMClient, account: string, grantee: string, actions: string[]): Promise<void> {
  const arn = opsItemGroupArn(account);
  const Policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${grantee}:root` }, Action: actions, Resource: arn }] });
  await owner.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy }));
}
