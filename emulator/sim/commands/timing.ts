/**
 * The timing model of Run Command in the emulator, in virtual milliseconds. Everything a command does
 * takes virtual time, so code that polls, waits and retries can be tested with a frozen clock that the
 * test advances. None of these values is published by AWS: they are a model, kept in one place.
 */

/** SendCommand's TimeoutSeconds when the caller gives none (AWS's documented default). */
export const DEFAULT_DELIVERY_TIMEOUT_SECONDS = 3600;

/**
 * The agent's execution timeout when a step gives none, and its bounds (amazon-ssm-agent
 * pluginutil.ValidateExecutionTimeout: default 3600 s; values under 5 s or over 172,800 s fall back
 * to the default).
 */
export const DEFAULT_EXECUTION_TIMEOUT_SECONDS = 3600;
export const MIN_EXECUTION_TIMEOUT_SECONDS = 5;
export const MAX_EXECUTION_TIMEOUT_SECONDS = 172_800;

/**
 * From the moment the service sends an invocation to the moment the agent has it and starts the
 * first step (the agent's message channel is a long poll, so this is about a second on AWS).
 */
export const DELIVERY_LATENCY_MS = 1000;

/** From CancelCommand to Cancelled (the agent acknowledges the cancel message). */
export const CANCEL_LATENCY_MS = 1000;

/** Virtual time each simple command of a script costs in the simulated shell. */
export const COMMAND_COST_MS = 10;

/**
 * The command history's caps per account and Region. AWS keeps 30 days of history and documents no
 * count; the emulator caps it so that a long test run cannot grow without bound: past any of these,
 * the oldest finished commands are dropped first, and GET /_emulator/health counts them. Commands
 * alone do not bound memory (one command to 1,000 nodes holds 1,000 invocations, each up to 34,500
 * characters of output), so invocations and stored output have caps of their own.
 */
export const MAX_COMMANDS = 10_000;
export const MAX_INVOCATIONS = 50_000;
/** Characters of Output + Stdout + Stderr held by finished commands (~64 MB of ASCII). */
export const MAX_OUTPUT_CHARS = 64 * 1024 * 1024;

/** Run Command keeps command history for 30 days. */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;

/** Run Command's defaults for the rate controls. */
export const DEFAULT_MAX_CONCURRENCY = '50';
export const DEFAULT_MAX_ERRORS = '0';
