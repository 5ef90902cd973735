/**
 * Which capability area (services/<area>/) owns each SSM operation. Hand-written: the model does
 * not group operations. The codegen test fails when an operation of the model is missing here, so
 * a model update cannot silently leave an operation without an owner.
 */
export const ssmAreas = {
  parameters: [
    'PutParameter', 'GetParameter', 'GetParameters', 'GetParametersByPath', 'DeleteParameter',
    'DeleteParameters', 'DescribeParameters', 'GetParameterHistory', 'LabelParameterVersion',
    'UnlabelParameterVersion',
  ],
  'resource-policies': ['PutResourcePolicy', 'GetResourcePolicies', 'DeleteResourcePolicy'],
  tagging: ['AddTagsToResource', 'RemoveTagsFromResource', 'ListTagsForResource'],
  documents: [
    'CreateDocument', 'GetDocument', 'DescribeDocument', 'UpdateDocument', 'DeleteDocument',
    'ListDocuments', 'ListDocumentVersions', 'UpdateDocumentDefaultVersion',
    'DescribeDocumentPermission', 'ModifyDocumentPermission', 'ListDocumentMetadataHistory',
    'UpdateDocumentMetadata',
  ],
  fleet: [
    'DescribeInstanceInformation', 'DescribeInstanceProperties', 'ListNodes', 'ListNodesSummary',
    'GetConnectionStatus', 'CreateActivation', 'DescribeActivations', 'DeleteActivation',
    'DeregisterManagedInstance', 'UpdateManagedInstanceRole',
  ],
  commands: ['SendCommand', 'ListCommands', 'ListCommandInvocations', 'GetCommandInvocation', 'CancelCommand'],
  patching: [
    'CreatePatchBaseline', 'DeletePatchBaseline', 'DescribeAvailablePatches',
    'DescribeEffectivePatchesForPatchBaseline', 'DescribeInstancePatchStates',
    'DescribeInstancePatchStatesForPatchGroup', 'DescribeInstancePatches', 'DescribePatchBaselines',
    'DescribePatchGroupState', 'DescribePatchGroups', 'DescribePatchProperties',
    'GetDefaultPatchBaseline', 'GetDeployablePatchSnapshotForInstance', 'GetPatchBaseline',
    'GetPatchBaselineForPatchGroup', 'RegisterDefaultPatchBaseline',
    'RegisterPatchBaselineForPatchGroup', 'DeregisterPatchBaselineForPatchGroup', 'UpdatePatchBaseline',
  ],
  'maintenance-windows': [
    'CreateMaintenanceWindow', 'DeleteMaintenanceWindow', 'UpdateMaintenanceWindow',
    'GetMaintenanceWindow', 'DescribeMaintenanceWindows', 'DescribeMaintenanceWindowSchedule',
    'DescribeMaintenanceWindowsForTarget', 'RegisterTargetWithMaintenanceWindow',
    'DeregisterTargetFromMaintenanceWindow', 'UpdateMaintenanceWindowTarget',
    'DescribeMaintenanceWindowTargets', 'RegisterTaskWithMaintenanceWindow',
    'DeregisterTaskFromMaintenanceWindow', 'UpdateMaintenanceWindowTask', 'GetMaintenanceWindowTask',
    'DescribeMaintenanceWindowTasks', 'DescribeMaintenanceWindowExecutions',
    'GetMaintenanceWindowExecution', 'DescribeMaintenanceWindowExecutionTasks',
    'GetMaintenanceWindowExecutionTask', 'DescribeMaintenanceWindowExecutionTaskInvocations',
    'GetMaintenanceWindowExecutionTaskInvocation', 'CancelMaintenanceWindowExecution',
  ],
  associations: [
    'CreateAssociation', 'CreateAssociationBatch', 'DeleteAssociation', 'DescribeAssociation',
    'DescribeAssociationExecutionTargets', 'DescribeAssociationExecutions',
    'DescribeEffectiveInstanceAssociations', 'DescribeInstanceAssociationsStatus',
    'ListAssociationVersions', 'ListAssociations', 'StartAssociationsOnce', 'UpdateAssociation',
    'UpdateAssociationStatus',
  ],
  inventory: [
    'PutInventory', 'GetInventory', 'GetInventorySchema', 'ListInventoryEntries', 'DeleteInventory',
    'DescribeInventoryDeletions', 'CreateResourceDataSync', 'DeleteResourceDataSync',
    'ListResourceDataSync', 'UpdateResourceDataSync',
  ],
  compliance: [
    'PutComplianceItems', 'ListComplianceItems', 'ListComplianceSummaries',
    'ListResourceComplianceSummaries',
  ],
  automation: [
    'StartAutomationExecution', 'StopAutomationExecution', 'GetAutomationExecution',
    'DescribeAutomationExecutions', 'DescribeAutomationStepExecutions', 'SendAutomationSignal',
    'StartChangeRequestExecution', 'StartExecutionPreview', 'GetExecutionPreview', 'GetCalendarState',
  ],
  sessions: [
    'StartSession', 'ResumeSession', 'TerminateSession', 'DescribeSessions', 'GetAccessToken',
    'StartAccessRequest',
  ],
  'ops-items': [
    'CreateOpsItem', 'GetOpsItem', 'UpdateOpsItem', 'DeleteOpsItem', 'DescribeOpsItems',
    'GetOpsSummary', 'ListOpsItemEvents', 'ListOpsItemRelatedItems', 'AssociateOpsItemRelatedItem',
    'DisassociateOpsItemRelatedItem', 'CreateOpsMetadata', 'GetOpsMetadata', 'UpdateOpsMetadata',
    'DeleteOpsMetadata', 'ListOpsMetadata',
  ],
  'service-settings': ['GetServiceSetting', 'UpdateServiceSetting', 'ResetServiceSetting'],
} as const;

export type SsmArea = keyof typeof ssmAreas;

/** operation name -> area, built once. */
export const areaOfOperation: ReadonlyMap<string, SsmArea> = new Map(
  (Object.entries(ssmAreas) as [SsmArea, readonly string[]][]).flatMap(([area, ops]) =>
    ops.map((op) => [op, area] as const),
  ),
);
