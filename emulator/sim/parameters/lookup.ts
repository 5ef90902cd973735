/**
 * Parameter Store as other areas see it: documents resolve {{ssm:/name}} and {{ssm-secure:/name}}
 * references through this, Run Command and Automation through the documents module.
 * (The parameters area owns this file; other areas only import it.)
 */
import type { Ctx } from '../../core/context.js';
import type { ParameterType } from '../../generated/ssm/types.js';
import { resolveRead } from './read.js';
import { plainValue, recordArn, wireValue } from './model.js';
import { isSecretReference, readSecretReference } from './secret-refs.js';

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
  if (isSecretReference(name)) {
    // {{ssm-secure:/aws/reference/secretsmanager/...}}: a secret, where AWS resolves ssm-secure.
    const p = readSecretReference(ctx, name, opts.withDecryption);
    return { Name: p.Name!, Type: 'SecureString', Value: p.Value ?? '', Version: 0, ARN: p.ARN! };
  }
  const f = resolveRead(ctx, name, 'GetParameter');
  if (f.kind === 'public') {
    return { Name: f.nameOut, Type: f.param.Type, Value: f.param.Value, Version: f.param.Version, ARN: f.param.ARN };
  }
  const v = f.version;
  return {
    Name: f.nameOut,
    Type: v.Type,
    Value: opts.withDecryption ? plainValue(f.owner, f.rec, v) : wireValue(f.owner, f.rec, v, false),
    Version: v.Version,
    ARN: recordArn(f.owner, f.rec),
  };
}
