import { describe as group, expect, it } from 'vitest';
import { CreateAssociationCommand, DeleteAssociationCommand, DeleteDocumentCommand, CreateDocumentCommand, ListAssociationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, addNodes, executions, expectError, iid, node, shellAssociation, targets } from './testkit.js';

const t = useEmulator();

group('DeleteAssociation', () => {
  it('by id: its unfinished runs stop and the nodes forget it', async () => {
    await addNodes(t, 2, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['sleep 600'], { MaxConcurrency: '1' });
    await t.advance(5);
    expect((await node(t, iid(1))).AssociationStatus).toBe('Pending');
    const [e] = await executions(t, id);
    expect((await targets(t, id, e.ExecutionId!)).map((x) => x.Status)).toEqual(['InProgress', 'Pending']);
    await t.ssm.send(new DeleteAssociationCommand({ AssociationId: id }));
    expect((await t.ssm.send(new ListAssociationsCommand({}))).Associations).toEqual([]);
    expect((await node(t, iid(1))).AssociationStatus).toBeUndefined();
    // Nothing of it is left to run.
    const tasks = (await t.http.get('/_emulator/tasks')).body.tasks as { key?: string }[];
    expect(tasks.filter((x) => x.key?.includes(id))).toEqual([]);
    await t.advance(3600);
  });

  it('a legacy association by Name and InstanceId', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
    await t.ssm.send(new DeleteAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
    expect((await t.ssm.send(new ListAssociationsCommand({}))).Associations).toEqual([]);
  });

  it('unknown associations', async () => {
    await expectError(t.ssm.send(new DeleteAssociationCommand({ AssociationId: '11111111-2222-3333-4444-555555555555' })), 'AssociationDoesNotExist');
    await expectError(t.ssm.send(new DeleteAssociationCommand({})), 'AssociationDoesNotExist');
  });

  it('a document in use can only be deleted once its associations are gone (AssociatedInstances)', async () => {
    const content = JSON.stringify({ schemaVersion: '2.2', description: 'x', mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['echo hi'] } }] });
    await t.ssm.send(new CreateDocumentCommand({ Name: 'my-config', DocumentType: 'Command', Content: content }));
    await t.advance(1);
    const out = await t.ssm.send(new CreateAssociationCommand({ Name: 'my-config', Targets: [{ Key: 'InstanceIds', Values: ['*'] }] }));
    await expectError(t.ssm.send(new DeleteDocumentCommand({ Name: 'my-config' })), 'AssociatedInstances', 'You must disassociate a document from all managed nodes before you can delete it.');
    await t.ssm.send(new DeleteAssociationCommand({ AssociationId: out.AssociationDescription!.AssociationId }));
    await t.ssm.send(new DeleteDocumentCommand({ Name: 'my-config' }));
  });
});
