/**
 * Texts the simulated agent writes into plugin output. "Agent" texts are amazon-ssm-agent's own format
 * strings (open source); "approximation" texts imitate the agent's output where the emulator does
 * something the agent does differently; "emulator" texts say what the emulator does not simulate.
 */

/** Agent (basicexecuter, schema 2.2): a step whose precondition or plugin does not fit the platform. */
export const stepSkipped = (step: string) => `Step execution skipped due to incompatible platform. Step name: ${step}`;

/** Agent (basicexecuter, schema 1.2/2.0): a plugin that does not run on the platform. */
export const pluginNotSupported = (plugin: string, step: string) => `Plugin with name ${plugin} is not supported in current platform. Step name: ${step}`;

/** Emulator: no capability area simulates this plugin yet; the step fails rather than pretend. */
export const notSimulated = (plugin: string, step: string) =>
  `The SSM emulator does not simulate plugin ${plugin} (step ${step}), so the step failed instead of pretending to succeed. ` +
  'A capability area can register a simulator for it (docs/commands.md, "Plugin simulators").';

/** Emulator: a download source the emulator cannot reach (it has no network and no S3). */
export const downloadNotSimulated = (sourceType: string) =>
  `The SSM emulator does not simulate aws:downloadContent from ${sourceType} (it has no network or S3 access); only sourceType SSMDocument is simulated.`;

/** Approximation of the agent's downloadcontent output. */
export const contentDownloaded = (path: string) => `Content downloaded to ${path}`;

/** Approximation (agent: the document could not be found or read). */
export const documentDownloadFailed = (name: string, why: string) => `Failed to download SSM document ${name}: ${why}`;

/** Approximation (agent runDocument: the document to run was not found). */
export const runDocumentNotFound = (path: string) =>
  `The document to run was not found: ${path}. In the emulator, aws:runDocument runs an SSM document given by name (documentType SSMDocument) or downloaded by an earlier aws:downloadContent step.`;

/** Approximation (agent runDocument: the nested document failed to parse or validate). */
export const runDocumentInvalid = (name: string, why: string) => `Document ${name} could not be run: ${why}`;

/** Approximations of the agent's updatessmagent output. */
export const agentAlreadyInstalled = (agent: string, version: string) => `${agent} ${version} has already been installed, update skipped`;
export const agentDowngradeRefused = (agent: string, from: string, to: string) =>
  `Updating ${agent} from ${from} to ${to} would downgrade it; set allowDowngrade to true to proceed.`;
export const agentUpdateLines = (agent: string, from: string, to: string, region: string) => [
  `Updating ${agent} from ${from} to ${to}`,
  'Successfully downloaded manifest',
  `Successfully downloaded updater version ${to}`,
  `Updating ${agent} from ${from} to ${to}`,
  `Successfully downloaded https://s3.${region}.amazonaws.com/amazon-ssm-${region}/${agent}/${to}/${agent}.tar.gz`,
  `Initiating ${agent} update to ${to}`,
  `${agent} updated successfully to ${to}`,
];
