/**
 * The timing model and defaults of State Manager in the emulator. Runs themselves follow Run
 * Command's timing (the per-node runner: delivery in 1 s, 10 ms per shell command); what is here is
 * the association's own.
 */

/**
 * A node that starts matching an association's targets (added, retagged, joined a resource group,
 * back online) gets the association this long after the change. AWS applies it "when it discovers
 * the change" and documents no delay; half a minute is a model [unverified].
 */
export const NEW_TARGET_DELAY_MS = 30_000;

/**
 * Execution history kept per association. AWS does not document how long it keeps association
 * execution history; the emulator keeps 30 days, as Run Command keeps commands [unverified].
 */
export const EXECUTION_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Rate controls when an association gives none. The user guide ("About targets and rate controls in
 * State Manager associations"): "If you choose to create an association by using targets, but you
 * don't specify a concurrency value, then State Manager automatically enforces a maximum concurrency
 * of 50 nodes" and "if you don't specify an error threshold, then State Manager automatically
 * enforces a threshold of 100% failures". (The API reference says MaxConcurrency defaults to 100%;
 * the user guide is the more specific of the two.)
 */
export const DEFAULT_MAX_CONCURRENCY = '50';
export const DEFAULT_MAX_ERRORS = '100%';

/** AWS's quotas: "You can have at most 2,000 active associations"; "a limit of 1,000 versions". */
export const MAX_ASSOCIATIONS = 2000;
export const MAX_VERSIONS = 1000;
