import { describe, expect, it } from 'vitest';
import { GetExecutionPreviewCommand, StartExecutionPreviewCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from './testkit.js';

const t = useEmulator();
const preview = (id: string) => t.ssm.send(new GetExecutionPreviewCommand({ ExecutionPreviewId: id }));

describe('GetExecutionPreview', () => {
  it('a preview whose parameters are wrong is Failed with the reason; unknown ids and runbooks are refused', async () => {
    const { ExecutionPreviewId: id } = await t.ssm.send(new StartExecutionPreviewCommand({ DocumentName: 'AWS-RestartEC2Instance' }));
    await t.advance(1);
    const out = await preview(id!);
    expect(out.Status).toBe('Failed');
    expect(out.StatusMessage).toBe('Missing required parameter: InstanceId in user inputs.');
    await expectError(preview('00000000-0000-0000-0000-000000000000'), 'ResourceNotFoundException');
    await expectError(t.ssm.send(new StartExecutionPreviewCommand({ DocumentName: 'Ghost' })), 'ValidationException');
  });
});
