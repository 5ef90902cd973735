/**
 * Resource Groups clients for tests: the real @aws-sdk/client-resource-groups pointed at the test
 * emulator, with the same endpoint and credential pattern as the harness's SSM clients.
 */
import { ResourceGroupsClient } from '@aws-sdk/client-resource-groups';

export function rgClient(endpoint: string, opts: { region?: string; account?: string } = {}): ResourceGroupsClient {
  return new ResourceGroupsClient({
    endpoint,
    region: opts.region ?? 'us-east-1',
    credentials: { accessKeyId: opts.account ?? 'AKIAEMULATORTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
}

/** A TAG_FILTERS_1_0 query as the JSON string the API wants. */
export function tagQuery(tagFilters: { Key: string; Values?: string[] }[], types: string[] = ['AWS::AllSupported']) {
  return { Type: 'TAG_FILTERS_1_0' as const, Query: JSON.stringify({ ResourceTypeFilters: types, TagFilters: tagFilters }) };
}
