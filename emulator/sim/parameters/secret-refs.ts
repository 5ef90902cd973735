/**
 * Parameter Store's references to Secrets Manager secrets, as AWS documents them ("Referencing AWS
 * Secrets Manager secrets from Parameter Store parameters"): GetParameter and GetParameters (only
 * those) answer `/aws/reference/secretsmanager/<secret-id>[:<version id or staging label>]` from
 * Secrets Manager, as a pass-through that keeps nothing:
 *
 * - WithDecryption must be true, checked before the secret is looked up (ValidationException);
 * - the answer is a SecureString parameter named as asked, Version 0, `Value` the secret string (none
 *   for a binary secret), `ARN` the secret's ARN, LastModifiedDate the version's creation date, the
 *   Selector when one was given, and `SourceResult` the raw Secrets Manager answer (the GetSecretValue
 *   result as JSON, as the model describes SourceResult: "the raw result or response from the source");
 * - a selector names a version id, or else a staging label;
 * - a missing secret, version or label answers ParameterNotFound with AWS's "when referencing Secrets
 *   Manager" text.
 *
 * Parameter Store reaches the secrets through the secretReferences port, provided by the
 * secretsmanager area (services/secretsmanager); without it there are no secrets to find.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import { ParameterNotFound, ValidationException } from '../../generated/ssm/errors.js';
import type { Parameter } from '../../generated/ssm/types.js';
import * as messages from './messages.js';

export const SECRET_REFERENCE_PREFIX = '/aws/reference/secretsmanager/';

/** What Secrets Manager's GetSecretValue answers for a version (wire members, epoch seconds). */
export interface SecretValue {
  ARN: string;
  Name: string;
  VersionId: string;
  SecretString?: string;
  SecretBinary?: string;
  VersionStages: string[];
  CreatedDate: number;
}

export interface SecretReader {
  /**
   * The version `selector` names (a version id, else a staging label; AWSCURRENT without one):
   * 'missing' when there is no such secret or version, 'deleted' when the secret awaits deletion.
   * Reads without side effects (GetParameter is not journaled).
   */
  read(ctx: Ctx, secretId: string, selector: string | undefined): SecretValue | 'missing' | 'deleted';
}

export const secretReferences = definePort<SecretReader>('parameters.secretReferences');

/** Whether a GetParameter(s) name is a reference to a Secrets Manager secret. */
export const isSecretReference = (name: string): boolean => name.trim().startsWith(SECRET_REFERENCE_PREFIX);

/** Reads a secret reference as GetParameter answers it (see the header for the rules). */
export function readSecretReference(ctx: Ctx, input: string, withDecryption: boolean | undefined): Parameter {
  const name = input.trim();
  const parts = name.slice(SECRET_REFERENCE_PREFIX.length).split(':');
  if (parts.length > 2 || parts[0] === '' || parts[1] === '') throw new ValidationException(messages.badReferenceSelector());
  if (withDecryption !== true) throw new ValidationException(messages.secretReferenceNeedsDecryption());
  const [secretId, selector] = parts;
  const reader = ctx.emu.ports.one(secretReferences);
  const found = reader ? reader.read(ctx, secretId, selector) : 'missing';
  if (found === 'missing') throw new ParameterNotFound(messages.secretReferenceNotFound(name));
  if (found === 'deleted') throw new ValidationException(messages.secretReferenceDeleted());
  const out: Parameter = { Name: name, Type: 'SecureString', Version: 0, LastModifiedDate: found.CreatedDate, ARN: found.ARN, SourceResult: JSON.stringify(found) };
  if (found.SecretString !== undefined) out.Value = found.SecretString;
  if (selector !== undefined) out.Selector = `:${selector}`;
  return out;
}
