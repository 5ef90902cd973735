import { describe, expect, it } from 'vitest';
import { GetAccountSettingsCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { startTestEmulator, useEmulator } from '../testing/harness.js';
import { rgClient, expectError } from '../testing/fleet.js';
import { compileRoutes } from './rest-json.js';
import { resourceGroupsArea } from '../services/resource-groups/index.js';

const t = useEmulator();

/** A SigV4-looking Authorization header for a service (signatures are not verified). */
const auth = (service: string, region = 'us-east-1') =>
  `AWS4-HMAC-SHA256 Credential=AKIAEMULATORTEST/20250101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

describe('REST-JSON protocol (Resource Groups)', () => {
  it("routes every Resource Groups operation of the model by its http binding, from the area's declaration", () => {
    const routes = compileRoutes(resourceGroupsArea.restApi!.routes);
    const ops = Object.keys(t.emu.services['resource-groups'].operations);
    expect(routes.map((r) => r.route.operation).sort()).toEqual([...ops].sort());
    const tags = routes.find((r) => r.route.operation === 'GetTags')!;
    expect(tags.route.method).toBe('GET');
    expect(tags.route.input).toEqual({ Arn: ['path', 'Arn'] });
    expect(tags.labels).toEqual(['Arn']);
    expect(tags.pattern.test('/resources/arn%3Aaws%3Aresource-groups%3Aus-east-1%3A000000000000%3Agroup%2Fg/tags')).toBe(true);
  });

  it('answers JSON with the operation\'s status, a request id, and errors with x-amzn-ErrorType and {"Message"}', async () => {
    const ok = await t.http.post('/groups').set('Authorization', auth('resource-groups')).set('Content-Type', 'application/json').send({ Name: 'g' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    expect(ok.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.body.Group.Name).toBe('g');
    const missing = await t.http.post('/get-group').set('Authorization', auth('resource-groups')).send({ Group: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.headers['x-amzn-errortype']).toBe('NotFoundException');
    expect(missing.body).toEqual({ Message: 'Cannot find group nope.' });
  });

  it('reports a body that is not JSON, and model violations, as BadRequestException', async () => {
    const bad = await t.http.post('/groups').set('Authorization', auth('resource-groups')).set('Content-Type', 'application/json').send('{nope');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(bad.body.Message).toBe('The request body is not valid JSON.');
    const notObject = await t.http.post('/groups').set('Authorization', auth('resource-groups')).set('Content-Type', 'application/json').send('[1]');
    expect(notObject.body.Message).toBe('The request body must be a JSON object.');
    const wrongType = await t.http.post('/groups').set('Authorization', auth('resource-groups')).send({ Name: 5 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.headers['x-amzn-errortype']).toBe('BadRequestException');
    const query = await t.http.post('/groups-list?maxResults=many').set('Authorization', auth('resource-groups')).send({});
    expect(query.status).toBe(400);
    expect(query.body.Message).toBe('maxResults must be a whole number, not many.');
  });

  it('reads URI labels and query-string members', async () => {
    await t.http.post('/groups').set('Authorization', auth('resource-groups')).send({ Name: 'g', Tags: { a: '1' } });
    const arn = encodeURIComponent('arn:aws:resource-groups:us-east-1:000000000000:group/g');
    const tags = await t.http.get(`/resources/${arn}/tags`).set('Authorization', auth('resource-groups'));
    expect(tags.body).toEqual({ Arn: 'arn:aws:resource-groups:us-east-1:000000000000:group/g', Tags: { a: '1' } });
    for (const n of ['h', 'i']) await t.http.post('/groups').set('Authorization', auth('resource-groups')).send({ Name: n });
    const page = await t.http.post('/groups-list?maxResults=2').set('Authorization', auth('resource-groups')).send({});
    expect(page.body.GroupIdentifiers).toHaveLength(2);
    expect(page.body.NextToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('answers UnknownOperationException for an unbound path and MethodNotAllowedException for a wrong method, when signed for resource-groups', async () => {
    const unknown = await t.http.post('/no-such-operation').set('Authorization', auth('resource-groups')).send({});
    expect(unknown.status).toBe(404);
    expect(unknown.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    const method = await t.http.delete('/groups').set('Authorization', auth('resource-groups'));
    expect(method.status).toBe(405);
    expect(method.headers['x-amzn-errortype']).toBe('MethodNotAllowedException');
  });

  it('leaves requests signed for another service, and unsigned unknown paths, to the rest of the server', async () => {
    const other = await t.http.post('/groups').set('Authorization', auth('ssm')).send({ Name: 'g' });
    expect(other.status).toBe(404);
    expect(other.body.error).toBe('NotFound');
    const unsigned = await t.http.get('/favicon.ico');
    expect(unsigned.status).toBe(404);
    expect(unsigned.body.error).toBe('NotFound');
  });

  it('answers NotImplementedException for Resource Groups operations the emulator does not implement', async () => {
    // Every Resource Groups operation is implemented: an area that serves the REST API without
    // handlers shows the answer an operation added to the model later would get.
    const bare = await startTestEmulator({ areas: [{ ...resourceGroupsArea, operations: [] }] });
    const rg: ResourceGroupsClient = rgClient(bare.endpoint);
    try {
      await expectError(rg.send(new GetAccountSettingsCommand({})), 'NotImplementedException', /GetAccountSettings is not implemented/);
    } finally {
      rg.destroy();
      await bare.close();
    }
  });

  it('serves SSM and Resource Groups on the same port, in the caller\'s region', async () => {
    const res = await t.http.post('/groups').set('Authorization', auth('resource-groups', 'eu-west-1')).send({ Name: 'g' });
    expect(res.body.Group.GroupArn).toBe('arn:aws:resource-groups:eu-west-1:000000000000:group/g');
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toEqual([]);
  });
});
