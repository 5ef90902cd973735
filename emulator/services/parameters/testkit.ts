/**
 * Helpers shared by Parameter Store's tests (no test-runner imports, so it type-checks anywhere).
 */
import type { SSMServiceException } from '@aws-sdk/client-ssm';

export type SdkError = SSMServiceException & Record<string, unknown>;

/** The error a call fails with; throws if it succeeds. */
export async function errorOf(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
