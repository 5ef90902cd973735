import { describe, expect, it } from 'vitest';
import { GetParameterHistoryCommand, LabelParameterVersionCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const put = (Value: string, Overwrite = false) => t.ssm.send(new PutParameterCommand({ Name: '/l', Value, Type: 'String', Overwrite }));
const label = (Labels: string[], ParameterVersion?: number, Name = '/l') => t.ssm.send(new LabelParameterVersionCommand({ Name, Labels, ParameterVersion }));
const labelsByVersion = async () =>
  Object.fromEntries((await t.ssm.send(new GetParameterHistoryCommand({ Name: '/l' }))).Parameters!.map((p) => [p.Version, p.Labels]));

describe('LabelParameterVersion', () => {
  it('labels the latest version by default and reports the version', async () => {
    await put('a');
    await put('b', true);
    expect(await label(['prod'])).toEqual({ InvalidLabels: [], ParameterVersion: 2, $metadata: expect.anything() });
    expect(await labelsByVersion()).toEqual({ 1: [], 2: ['prod'] });
  });

  it('moves a label from the version that had it', async () => {
    await put('a');
    await put('b', true);
    await label(['prod', 'blue'], 2);
    await label(['prod'], 1);
    expect(await labelsByVersion()).toEqual({ 1: ['prod'], 2: ['blue'] });
  });

  it('returns labels that break the label rules in InvalidLabels and attaches the others', async () => {
    await put('a');
    const out = await label(['1starts-with-digit', 'awsReserved', 'SSMreserved', 'has space', 'ok.label-1_x']);
    expect(out.InvalidLabels).toEqual(['1starts-with-digit', 'awsReserved', 'SSMreserved', 'has space']);
    expect(await labelsByVersion()).toEqual({ 1: ['ok.label-1_x'] });
  });

  it('allows at most 10 labels per version (ParameterVersionLabelLimitExceeded), changing nothing', async () => {
    await put('a');
    await label(Array.from({ length: 8 }, (_, i) => `l${i}`));
    const e = await errorOf(label(['x1', 'x2', 'x3']));
    expect(e.name).toBe('ParameterVersionLabelLimitExceeded');
    expect(e.message).toBe('A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.');
    expect((await labelsByVersion())[1]).toHaveLength(8);
    await label(['x1', 'x2', 'l0']); // l0 is already there: 10 in all
    expect((await labelsByVersion())[1]).toHaveLength(10);
  });

  it('answers ParameterNotFound and ParameterVersionNotFound', async () => {
    const nf = await errorOf(label(['a'], undefined, '/nope'));
    expect(nf.name).toBe('ParameterNotFound');
    expect(nf.message).toBe('Parameter /nope not found.');
    await put('a');
    const vnf = await errorOf(label(['a'], 4));
    expect(vnf.name).toBe('ParameterVersionNotFound');
    expect(vnf.message).toBe('Systems Manager could not find version 4 of /l. Verify the version and try again.');
  });

  it('refuses to label AWS public parameters', async () => {
    expect((await errorOf(label(['x'], undefined, '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64'))).name).toBe('AccessDeniedException');
  });

  it('emits a "Parameter Store Change" LabelParameterVersion event', async () => {
    await put('a');
    await label(['prod']);
    const ev = (await t.http.get('/_emulator/events')).body.events.at(-1);
    expect(ev).toMatchObject({ 'detail-type': 'Parameter Store Change', detail: { operation: 'LabelParameterVersion', name: '/l', type: 'String' } });
  });
});
