/** Helpers shared by the resource-policies tests (no test-runner imports). */
export const paramArn = (name: string, account = '000000000000', region = 'us-east-1') =>
  `arn:aws:ssm:${region}:${account}:parameter/${name.replace(/^\//, '')}`;

/** A policy sharing a parameter read-only with accounts, as AWS RAM's default permission does. */
export const sharePolicy = (arn: string, accounts: string[], actions: string[] = ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:DescribeParameters']) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Share', Effect: 'Allow', Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) }, Action: actions, Resource: arn }],
  });
