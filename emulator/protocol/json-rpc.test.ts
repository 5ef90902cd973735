import { describe, expect, it } from 'vitest';
import { GetParametersCommand, GetParametersByPathCommand, DescribeInstanceInformationCommand, SSMServiceException } from '@aws-sdk/client-ssm';
import { useEmulator } from '../testing/harness.js';

// No capability areas: every operation is "not implemented", so these tests see the protocol alone.
const t = useEmulator({ areas: [] });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('JSON 1.1 protocol', () => {
  it('an unknown X-Amz-Target answers 400 UnknownOperationException with x-amzn-ErrorType and a request id', async () => {
    const res = await t.rpc('NoSuchOperation', {});
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('UnknownOperationException');
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(res.headers['x-amzn-requestid']).toMatch(UUID);
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.1');
  });

  it("POST / without X-Amz-Target answers in AWS's error format, not the control API's", async () => {
    const res = await t.http.post('/').set('Content-Type', 'application/x-amz-json-1.1').send('{}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ __type: 'UnknownOperationException', message: 'Operation (none) is not an operation of AmazonSSM.' });
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });

  it('a target of another service is unknown too', async () => {
    const res = await t.http.post('/').set('X-Amz-Target', 'DynamoDB_20120810.ListTables').send('{}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).__type).toBe('UnknownOperationException');
  });

  it('routes by target prefix: secretsmanager.<Operation> is Secrets Manager, validated from its model', async () => {
    const unknown = await t.http.post('/').set('X-Amz-Target', 'secretsmanager.NoSuchOperation').send('{}');
    expect(JSON.parse(unknown.text)).toEqual({ __type: 'UnknownOperationException', message: 'Operation secretsmanager.NoSuchOperation is not an operation of secretsmanager.' });
    const invalid = await t.http.post('/').set('Content-Type', 'application/x-amz-json-1.1').set('X-Amz-Target', 'secretsmanager.GetSecretValue').send('{}');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toEqual({ __type: 'ValidationException', message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null" });
    // No areas loaded here: a valid request reaches Secrets Manager's (absent) handler.
    const routed = await t.http.post('/').set('X-Amz-Target', 'secretsmanager.ListSecrets').send('{}');
    expect(JSON.parse(routed.text).message).toMatch(/^ListSecrets is not implemented by the SSM emulator yet \(capability area: secretsmanager/);
  });

  it('malformed JSON answers SerializationException', async () => {
    const res = await t.rpc('GetParameter', '{"Name": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ __type: 'SerializationException', message: 'The request body is not valid JSON.' });
  });

  it('a JSON value that is not an object answers SerializationException', async () => {
    const res = await t.rpc('GetParameter', '[1,2]');
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('SerializationException');
  });

  it('a member of the wrong JSON type answers SerializationException, not a validation error', async () => {
    const res = await t.rpc('GetParameter', { Name: 42 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ __type: 'SerializationException', message: 'NUMBER_VALUE can not be converted to String' });
    const res2 = await t.rpc('GetParametersByPath', { Path: '/a', MaxResults: '5' });
    expect(res2.body.message).toBe('STRING_VALUE can not be converted to Integer');
    const res3 = await t.rpc('GetParameters', { Names: 'x' });
    expect(res3.body.message).toBe('STRING_VALUE can not be converted to List');
  });

  it('a missing required member is a validation error in AWS wording', async () => {
    const res = await t.rpc('GetParameter', {});
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(res.body).toEqual({
      __type: 'ValidationException',
      message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    });
  });

  it('an empty body counts as {} (here: the required Name is missing)', async () => {
    const res = await t.rpc('GetParameter', '');
    expect(res.body.message).toContain("Value null at 'name'");
  });

  it('several violations are listed together, in member order', async () => {
    const res = await t.rpc('GetParametersByPath', { Path: '', MaxResults: 11, ParameterFilters: [{ Key: 'tag:x', Option: 'x'.repeat(11) }] });
    expect(res.body.message).toBe(
      '3 validation errors detected: ' +
        "Value '' at 'path' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'xxxxxxxxxxx' at 'parameterFilters.1.member.option' failed to satisfy constraint: Member must have length less than or equal to 10; " +
        "Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10",
    );
  });

  it('patterns are matched against the whole value, and enums list their values', async () => {
    const res = await t.rpc('DescribeInstanceInformation', {
      InstanceInformationFilterList: [{ key: 'Nope', valueSet: ['a'] }],
    });
    expect(res.body.message).toBe(
      "1 validation error detected: Value 'Nope' at 'instanceInformationFilterList.1.member.key' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [InstanceIds, AgentVersion, PingStatus, PlatformTypes, ActivationIds, IamRole, ResourceType, AssociationStatus]',
    );
    const pat = await t.rpc('GetConnectionStatus', { Target: 'i-0123' });
    expect(pat.status).toBe(400);
    const ok = await t.rpc('DeregisterManagedInstance', { InstanceId: 'mi-0123456789abcdef0' });
    expect(ok.body.__type).toBe('NotImplementedException');
    const bad = await t.rpc('DeregisterManagedInstance', { InstanceId: 'xmi-0123456789abcdef0' });
    expect(bad.body.message).toContain("at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression pattern: (^mi-[0-9a-f]{17}$)|(^eks_c:");
  });

  it('list members with their own constraints are reported once at the list', async () => {
    const res = await t.rpc('GetParameters', { Names: ['', 'ok'] });
    expect(res.body.message).toBe(
      "1 validation error detected: Value '[, ok]' at 'names' failed to satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 1]",
    );
  });

  it('an operation the emulator does not implement answers a clear 400, never a fake success', async () => {
    const res = await t.rpc('DescribeInstanceInformation', {});
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('NotImplementedException');
    expect(res.body.message).toContain('DescribeInstanceInformation is not implemented by the SSM emulator');
    expect(res.body.message).toContain('fleet');
  });

  it('accepts application/json as the content type too', async () => {
    const res = await t.http
      .post('/')
      .set('Content-Type', 'application/json')
      .set('X-Amz-Target', 'AmazonSSM.GetParameter')
      .send('{}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).__type).toBe('ValidationException');
  });

  it('the real SDK parses validation errors (code, message, HTTP status)', async () => {
    const err = await t.ssm
      .send(new GetParametersCommand({ Names: Array.from({ length: 11 }, (_, i) => `p${i}`) }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SSMServiceException);
    const e = err as SSMServiceException;
    expect(e.name).toBe('ValidationException');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message).toBe(
      "1 validation error detected: Value '[p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    expect(e.$metadata.requestId).toMatch(UUID);
  });

  it('the real SDK sees NotImplementedException for operations not built yet', async () => {
    const err = (await t.ssm.send(new DescribeInstanceInformationCommand({})).catch((e: unknown) => e)) as SSMServiceException;
    expect(err.name).toBe('NotImplementedException');
    const err2 = (await t.ssm.send(new GetParametersByPathCommand({ Path: '/x', MaxResults: 0 })).catch((e: unknown) => e)) as SSMServiceException;
    expect(err2.name).toBe('ValidationException');
    expect(err2.message).toContain('Member must have value greater than or equal to 1');
  });
});
