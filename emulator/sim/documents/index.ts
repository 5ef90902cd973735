/**
 * Documents as the executing capabilities see them. Import from here:
 *   resolveDocument, resolveParameters, renderExecution, prepareExecution, stepApplies,
 *   substituteReferences, toWireParameters (resolve.ts, whose header documents the API);
 *   analyzeContent, parseBody, contentAs, sha256 (content.ts); platformsFor, COMMAND_PLUGINS (platforms.ts).
 */
export * from './resolve.js';
export { analyzeContent, parseBody, contentAs, sha256, type AnalyzedContent, type DeclaredParameter, type DocumentStep, type ParameterType } from './content.js';
export { platformsFor, commandPlugin, COMMAND_PLUGINS, AUTOMATION_ACTIONS, SESSION_TYPES } from './platforms.js';
