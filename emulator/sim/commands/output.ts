/**
 * What the agent and the service make of a plugin's raw stdout and stderr (amazon-ssm-agent,
 * framework/processor/executer/iohandler):
 *   - the plugin's Output in ListCommandInvocations Details is TruncateOutput(stdout, stderr, 2500):
 *     stdout, then "\n----------ERROR-------\n" and stderr when there is any, with the agent's
 *     "\n---Output truncated---" / "\n---Error truncated----" markers when it does not fit;
 *   - GetCommandInvocation's StandardOutputContent / StandardErrorContent are the first 24,000 /
 *     8,000 characters (DefaultOutputConfig MaxStdoutLength / MaxStderrLength, and the model's
 *     limits of the two members);
 *   - a script that exits non-zero gets the runscript plugin's "failed to run commands: exit status N"
 *     appended to its stderr (written to the same stream right after the script's own output).
 * The agent counts bytes; the emulator counts UTF-16 characters (the same for ASCII output).
 */

export const MAX_PLUGIN_OUTPUT = 2500;
export const MAX_STDOUT = 24_000;
export const MAX_STDERR = 8000;

const TRUNCATE_OUT = '\n---Output truncated---';
const TRUNCATE_ERR = '\n---Error truncated----';
const ERROR_TITLE = '\n----------ERROR-------\n';

/** The agent's TruncateOutput, as written in Go. */
export function truncateOutput(stdout: string, stderr: string, capacity = MAX_PLUGIN_OUTPUT): string {
  const outputSize = stdout.length;
  const errorSize = stderr.length;
  const errorTitle = errorSize > 0 ? ERROR_TITLE : '';
  const available = capacity - errorTitle.length;
  if (outputSize + errorSize < available) return stdout + errorTitle + stderr;
  if (outputSize > available / 2 && errorSize > available / 2) {
    const size = available - TRUNCATE_ERR.length - TRUNCATE_OUT.length;
    const half = Math.floor(size / 2);
    return stdout.slice(0, half) + TRUNCATE_OUT + errorTitle + stderr.slice(0, half) + TRUNCATE_ERR;
  }
  if (outputSize < available / 2) {
    const size = available - TRUNCATE_ERR.length;
    return stdout + errorTitle + stderr.slice(0, size - outputSize) + TRUNCATE_ERR;
  }
  const size = available - TRUNCATE_OUT.length;
  return stdout.slice(0, size - errorSize) + TRUNCATE_OUT + errorTitle + stderr;
}

/** The runscript plugin's failure line (Go's exec.ExitError text is "exit status N"). */
export const failedToRunLine = (exitCode: number) => `failed to run commands: exit status ${exitCode}`;

/** Java's Duration.toString(), which the service uses for ExecutionElapsedTime ("PT0.071S", "PT1M30S"). */
export function isoDuration(ms: number): string {
  if (ms <= 0) return 'PT0S';
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s) out += `${Number(s.toFixed(3))}S`;
  return out;
}

/** Java's Instant.toString(): milliseconds only when they are not zero ("2025-01-01T00:00:01Z"). */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
