/**
 * How a read names a parameter: by name, "name:version" or "name:label" selector, or ARN; the
 * caller's own parameters, another account's parameter shared with it (by full ARN only, as AWS
 * requires, allowed by that parameter's resource policy), or an AWS public parameter under /aws/.
 * GetParameter, GetParameters, GetParameterHistory and readParameter() all resolve through here, so
 * they agree on every answer and error.
 *
 * What `Name` answers (recorded from AWS): the name as the caller wrote it ("app-flag" and "/app-flag"
 * find the same root-level parameter, and each is echoed as given); for a reference by ARN, the
 * parameter's name (the ARN is in `ARN`), with or without a selector. A parameter of another account
 * is only reachable by ARN, and keeps the ARN as its name, as DescribeParameters lists shared
 * parameters [unverified: AWS's recorded answers cover the caller's own parameters].
 */
import type { Ctx } from '../../core/context.js';
import { AccessDeniedException, ParameterNotFound, ParameterVersionNotFound } from '../../generated/ssm/errors.js';
import { policiesAllow } from '../iam/policies.js';
import { current, parameters, type ParameterRecord, type ParameterVersion } from './state.js';
import { canonical, checkNameShape, hasNameCharacters, isPublicName, parseReference, type Reference } from './names.js';
import { publicParameters, type PublicParameter } from './public.js';
import { recordArn, toParameter, type Owner } from './model.js';
import type { Parameter } from '../../generated/ssm/types.js';
import * as messages from './messages.js';

export type ReadAction = 'GetParameter' | 'GetParameters' | 'GetParameterHistory';

export type Found =
  | { kind: 'stored'; owner: Owner; rec: ParameterRecord; version: ParameterVersion; ref: Reference; nameOut: string }
  | { kind: 'public'; param: PublicParameter; ref: Reference; nameOut: string };

/** The record a reference names in its owner's scope, without creating that scope. */
function storedRecord(ctx: Ctx, owner: Owner, key: string): ParameterRecord | undefined {
  if (owner.account === ctx.account && owner.region === ctx.region) return parameters.of(ctx.scope).byName[key];
  const scope = ctx.emu.store.peek(owner.account, owner.region);
  return scope && parameters.peek(scope)?.byName[key];
}

function pickVersion(rec: ParameterRecord, ref: Reference, shownName: string): ParameterVersion {
  const sel = ref.selector;
  if (!sel) return current(rec);
  const v = sel.version !== undefined ? rec.Versions.find((x) => x.Version === sel.version) : rec.Versions.find((x) => x.Labels.includes(sel.label!));
  if (!v) throw new ParameterVersionNotFound(messages.versionNotFound(sel.raw, shownName));
  return v;
}

export function resolveRead(ctx: Ctx, input: string, action: ReadAction): Found {
  const ref = parseReference(input, { allowSelector: action !== 'GetParameterHistory', allowArn: true });
  const shown = ref.arn ? ref.arn.text : ref.name;
  const notFound = () => new ParameterNotFound(action === 'GetParameter' ? messages.getParameterNotFound() : messages.parameterNotFound(shown));
  checkNameShape(ref.name);
  if (!hasNameCharacters(ref.name) || (ref.arn && ref.arn.region !== ctx.region)) throw notFound();

  // AWS public parameters: /aws/... by name, or by their account-less ARN.
  if (isPublicName(ref.key) && (!ref.arn || ref.arn.account === '' || ref.arn.account === ctx.account)) {
    const param = publicParameters(ctx.emu, ctx.region).get(ref.key);
    if (!param) throw notFound();
    const sel = ref.selector;
    if (sel && sel.version !== param.Version) throw new ParameterVersionNotFound(messages.versionNotFound(sel.raw, shown));
    return { kind: 'public', param, ref, nameOut: ref.arn ? param.Name : ref.name };
  }
  if (ref.arn && ref.arn.account === '') throw notFound();

  const owner: Owner = { account: ref.arn ? ref.arn.account : ctx.account, region: ctx.region };
  const rec = storedRecord(ctx, owner, ref.key);
  if (owner.account !== ctx.account) {
    // Another account's parameter: only what its resource policy grants, and AWS answers an
    // authorization failure (not "not found") for anything else, so nothing leaks about existence.
    const arn = ref.arn!.text;
    if (!rec || !policiesAllow(rec.ResourcePolicies.map((p) => p.Policy), ctx.account, `ssm:${action}`, recordArn(owner, rec))) {
      throw new AccessDeniedException(messages.crossAccountDenied(ctx.account, action, arn));
    }
  }
  if (!rec) throw notFound();
  const version = pickVersion(rec, ref, shown);
  const nameOut = !ref.arn ? ref.name : owner.account === ctx.account ? rec.Name : ref.arn.text;
  return { kind: 'stored', owner, rec, version, ref, nameOut };
}

/**
 * The caller's own parameter a write names (DeleteParameter, Label/UnlabelParameterVersion): the
 * name trimmed and shape-checked as reads are; AWS public parameters are refused (AccessDenied), a
 * missing one is ParameterNotFound.
 */
export function ownParameter(ctx: Ctx, rawName: string): { name: string; key: string; rec: ParameterRecord } {
  const name = rawName.trim();
  checkNameShape(name);
  const key = canonical(name);
  if (isPublicName(key)) throw new AccessDeniedException(messages.reservedName(name));
  const rec = parameters.of(ctx.scope).byName[key];
  if (!rec) throw new ParameterNotFound(messages.parameterNotFound(name));
  return { name, key, rec };
}

/** The Parameter shape of what a read found (GetParameter, GetParameters). */
export function foundParameter(f: Found, withDecryption: boolean | undefined): Parameter {
  const selector = f.ref.selector ? `:${f.ref.selector.raw}` : undefined;
  if (f.kind === 'stored') return toParameter(f.owner, f.rec, f.version, { withDecryption, name: f.nameOut, selector });
  const p = f.param;
  const out: Parameter = { Name: f.nameOut, Type: p.Type, Value: p.Value, Version: p.Version, LastModifiedDate: p.LastModifiedDate, ARN: p.ARN, DataType: p.DataType };
  if (selector !== undefined) out.Selector = selector;
  return out;
}
