/** Test helpers for the Secrets Manager area: a real @aws-sdk/client-secrets-manager client on the test emulator. */
import { afterAll } from 'vitest';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { TestEmulator } from '../../testing/harness.js';

export type SdkError = Error & { $metadata: { httpStatusCode?: number } };

/** A Secrets Manager client for the emulator (created on first use, destroyed after the file). */
export function secretsClient(t: TestEmulator, opts: { region?: string; account?: string } = {}): () => SecretsManagerClient {
  let client: SecretsManagerClient | undefined;
  afterAll(() => client?.destroy());
  return () =>
    (client ??= new SecretsManagerClient({
      endpoint: t.endpoint,
      region: opts.region ?? 'us-east-1',
      credentials: { accessKeyId: opts.account ?? 'AKIAEMULATORTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    }));
}

/** The error a call fails with (fails the test when it succeeds). */
export const errorOf = (p: Promise<unknown>): Promise<SdkError> =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: unknown) => e as SdkError,
  );
