/**
 * Pseudo parameters in task parameters (user guide, "About pseudo parameters"): when a task runs,
 * {{RESOURCE_ID}}, {{TARGET_TYPE}}, {{WINDOW_EXECUTION_ID}} ... in its parameter values are replaced
 * by the values of the invocation that runs them.
 *
 *   {{TARGET_ID}}            INSTANCE targets: the instance id; RESOURCE_GROUP targets: the member's ARN
 *   {{RESOURCE_ID}}          the short id of the resource (the instance id)
 *   {{TARGET_TYPE}}          INSTANCE or RESOURCE_GROUP
 *   {{RESOURCE_TYPE}}        the resource's type, e.g. AWS::EC2::Instance
 *   {{WINDOW_ID}} {{WINDOW_TASK_ID}} {{WINDOW_TARGET_ID}} {{WINDOW_EXECUTION_ID}}
 *   {{TASK_EXECUTION_ID}} {{INVOCATION_ID}}
 *   {{LOGGING_S3_BUCKET_NAME}} {{LOGGING_S3_KEY_PREFIX}} {{LOGGING_S3_REGION}}   the task's S3 output
 *
 * The guide: "{{TARGET_ID}} and {{RESOURCE_ID}} can be used to pass IDs of AWS resources only to
 * Automation, Lambda, and Step Functions tasks. These two pseudo parameters can't be used with Run
 * Command tasks", so a Run Command task keeps them as written. A placeholder without a value (the
 * target ones in a task without targets) is left as written too. The pattern is ours, never a
 * user-supplied expression.
 */
export const PSEUDO_NAMES = [
  'RESOURCE_ID',
  'RESOURCE_TYPE',
  'TARGET_ID',
  'TARGET_TYPE',
  'WINDOW_ID',
  'WINDOW_TASK_ID',
  'WINDOW_TARGET_ID',
  'WINDOW_EXECUTION_ID',
  'TASK_EXECUTION_ID',
  'INVOCATION_ID',
  'LOGGING_S3_BUCKET_NAME',
  'LOGGING_S3_KEY_PREFIX',
  'LOGGING_S3_REGION',
] as const;

export type PseudoName = (typeof PSEUDO_NAMES)[number];
export type PseudoValues = Partial<Record<PseudoName, string>>;

/** PSEUDO_NAMES as one pattern (a literal: no expression is built at run time). */
const PSEUDO =
  /\{\{\s*(RESOURCE_ID|RESOURCE_TYPE|TARGET_ID|TARGET_TYPE|WINDOW_ID|WINDOW_TASK_ID|WINDOW_TARGET_ID|WINDOW_EXECUTION_ID|TASK_EXECUTION_ID|INVOCATION_ID|LOGGING_S3_BUCKET_NAME|LOGGING_S3_KEY_PREFIX|LOGGING_S3_REGION)\s*\}\}/g;
const NOT_FOR_RUN_COMMAND: ReadonlySet<PseudoName> = new Set(['TARGET_ID', 'RESOURCE_ID']);

export function substitutePseudo(text: string, values: PseudoValues, runCommand: boolean): string {
  if (!text.includes('{{')) return text;
  return text.replace(PSEUDO, (whole, name: PseudoName) => {
    if (runCommand && NOT_FOR_RUN_COMMAND.has(name)) return whole;
    return values[name] ?? whole;
  });
}

/** Every value of a wire parameter map (Record<string, string[]>) substituted. */
export function substituteParameters(params: Record<string, string[]> | undefined, values: PseudoValues, runCommand: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  for (const [k, list] of Object.entries(params ?? {})) out[k] = list.map((v) => substitutePseudo(v, values, runCommand));
  return out;
}
