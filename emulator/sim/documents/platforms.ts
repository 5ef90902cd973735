/**
 * Which operating systems each Command-document plugin runs on, and the Automation actions and
 * Session types SSM knows. DescribeDocument's PlatformTypes is the union over the plugins a
 * document's steps use; the Run Command engine uses the same table to decide where a step applies.
 *
 * Source: AWS Systems Manager User Guide, "Command document plugin reference" (each plugin states
 * its platforms; the note at the top lists the plugins that also run on macOS: aws:refreshAssociation,
 * aws:runShellScript, aws:runPowerShellScript, aws:softwareInventory, aws:updateSsmAgent).
 */
import type { DocumentType, PlatformType } from '../../generated/ssm/types.js';

const W: PlatformType = 'Windows';
const L: PlatformType = 'Linux';
const M: PlatformType = 'MacOS';

/** Command and Policy document plugins (schema 1.2 runtimeConfig keys and 2.x mainSteps actions). */
export const COMMAND_PLUGINS: Readonly<Record<string, readonly PlatformType[]>> = {
  'aws:applications': [W],
  'aws:cloudWatch': [W],
  'aws:configureContainers': [W],
  'aws:configureDocker': [W, L],
  'aws:configurePackage': [W, L],
  'aws:domainJoin': [W, L],
  'aws:downloadContent': [W, L],
  'aws:psModule': [W],
  'aws:refreshAssociation': [W, L, M],
  'aws:runDockerAction': [W, L],
  'aws:runDocument': [W, L],
  'aws:runPowerShellScript': [W, L, M],
  'aws:runShellScript': [L, M],
  'aws:softwareInventory': [W, L, M],
  'aws:updateAgent': [W],
  'aws:updateSsmAgent': [W, L, M],
};

/** Plugin names are matched case-insensitively by the agent (aws:updateSSMAgent, aws:domainjoin). */
const pluginsLower = new Map(Object.entries(COMMAND_PLUGINS).map(([k, v]) => [k.toLowerCase(), { name: k, platforms: v }]));

export function commandPlugin(action: string): { name: string; platforms: readonly PlatformType[] } | undefined {
  return pluginsLower.get(action.toLowerCase());
}

/** Automation actions (Systems Manager Automation actions reference). */
export const AUTOMATION_ACTIONS: ReadonlySet<string> = new Set([
  'aws:approve',
  'aws:assertAwsResourceProperty',
  'aws:branch',
  'aws:changeInstanceState',
  'aws:copyImage',
  'aws:createImage',
  'aws:createStack',
  'aws:createTags',
  'aws:deleteImage',
  'aws:deleteStack',
  'aws:executeAutomation',
  'aws:executeAwsApi',
  'aws:executeScript',
  'aws:executeStateMachine',
  'aws:invokeLambdaFunction',
  'aws:invokeWebhook',
  'aws:loop',
  'aws:pause',
  'aws:runCommand',
  'aws:runInstances',
  'aws:sleep',
  'aws:updateVariable',
  'aws:waitForAwsResourceProperty',
]);

/** Session document sessionType values (Session document schema). */
export const SESSION_TYPES: ReadonlySet<string> = new Set(['Standard_Stream', 'InteractiveCommands', 'NonInteractiveCommands', 'Port']);

export const ALL_PLATFORMS: readonly PlatformType[] = [W, L, M];

/** AWS lists platforms in this order (Windows, Linux, MacOS). */
export function sortPlatforms(set: Iterable<PlatformType>): PlatformType[] {
  const s = new Set(set);
  return ALL_PLATFORMS.filter((p) => s.has(p));
}

/**
 * PlatformTypes of a document: the union of its plugins' platforms for Command and Policy
 * documents; Automation runbooks and Session documents run in the service, so AWS reports every
 * platform; the other types (AppConfig, ChangeCalendar, ...) report none.
 */
export function platformsFor(type: DocumentType, actions: readonly string[]): PlatformType[] {
  if (type === 'Command' || type === 'Policy') {
    const out = new Set<PlatformType>();
    for (const a of actions) for (const p of commandPlugin(a)?.platforms ?? []) out.add(p);
    return sortPlatforms(out);
  }
  if (type === 'Automation' || type === 'Automation.ChangeTemplate' || type === 'Session' || type === 'Package') return [...ALL_PLATFORMS];
  return [];
}
