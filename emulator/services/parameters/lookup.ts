/**
 * Parameter Store as other areas see it: documents resolve {{ssm:/name}} and {{ssm-secure:/name}}
 * references through this, Run Command and Automation through the documents module.
 * (The parameters area owns this file; other areas only import it.)
 */
import type { Ctx } from '../../core/context.js';
import type { ParameterType } from '../../generated/ssm/types.js';

export interface ResolvedParameter {
  Name: string;
  Type: ParameterType;
  /** The plain value (SecureString decrypted when `withDecryption`). */
  Value: string;
  Version: number;
  ARN: string;
}

/**
 * Reads one parameter exactly as GetParameter would for the caller in `ctx`: `name` may carry a
 * `:version` or `:label` selector, may be an ARN, and may name a public /aws/service parameter.
 * Throws the same errors GetParameter throws (ParameterNotFound, ParameterVersionNotFound, ...).
 */
export function readParameter(ctx: Ctx, name: string, opts: { withDecryption: boolean }): ResolvedParameter {
  void ctx;
  void opts;
  throw new Error(`readParameter(${name}): not implemented yet`);
}
