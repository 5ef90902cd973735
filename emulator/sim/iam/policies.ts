/**
 * Resource policy documents (PutResourcePolicy): IAM policy JSON, checked when stored and evaluated
 * when another account reads a shared resource.
 *
 * Evaluation is IAM's, reduced to what the emulator knows about a caller (its account): a statement
 * applies when its Principal names the account ("123456789012", "arn:aws:iam::123456789012:root", any
 * user or role ARN of that account, or "*"), one of its Actions matches (wildcards allowed) and one of
 * its Resources matches the resource ARN (wildcards allowed). An explicit Deny wins over any Allow;
 * with no Allow the request is denied. Conditions are not evaluated: a statement with a Condition is
 * refused when stored, so nothing is silently granted more widely than written.
 */
import { MalformedResourcePolicyDocumentException } from '../../generated/ssm/errors.js';
import { compileWildcard } from '../../core/regex.js';
import * as messages from './messages.js';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal: '*' | { AWS: string | string[] };
  Action: string | string[];
  Resource: string | string[];
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** Glob of IAM action and resource patterns: * any run of characters, ? one character; actions ignore case. */
const globMatch = (pattern: string, value: string, ignoreCase: boolean): boolean => compileWildcard(pattern, { ignoreCase }).matches(value);

const ACCOUNT = /^\d{12}$/;
const IAM_PRINCIPAL = /^arn:aws[a-z-]*:iam::(\d{12}):(root|user\/.+|role\/.+)$/;

function principalAccounts(p: Statement['Principal']): string[] | '*' {
  if (p === '*') return '*';
  const out: string[] = [];
  for (const a of list(p.AWS)) {
    if (a === '*') return '*';
    if (ACCOUNT.test(a)) out.push(a);
    else {
      const m = IAM_PRINCIPAL.exec(a);
      if (m) out.push(m[1]);
    }
  }
  return out;
}

/**
 * Parses and checks a policy for a resource. `actions` are the actions this resource type supports in
 * a resource policy; an action pattern that matches none of them is refused.
 */
export function checkPolicyDocument(text: string, resourceArn: string, actions: readonly string[]): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new MalformedResourcePolicyDocumentException(messages.malformed('the policy is not valid JSON'));
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new MalformedResourcePolicyDocumentException(messages.malformed('the policy must be a JSON object'));
  const d = doc as { Version?: unknown; Statement?: unknown; Id?: unknown };
  const stray = Object.keys(d).find((k) => !['Version', 'Statement', 'Id'].includes(k));
  if (stray) throw new MalformedResourcePolicyDocumentException(messages.malformed(`unknown policy element ${stray}`));
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') {
    throw new MalformedResourcePolicyDocumentException(messages.malformed(`Version must be 2012-10-17, not ${JSON.stringify(d.Version)}`));
  }
  const raw = Array.isArray(d.Statement) ? d.Statement : d.Statement && typeof d.Statement === 'object' ? [d.Statement] : [];
  if (!raw.length) throw new MalformedResourcePolicyDocumentException(messages.malformed('the policy has no Statement'));
  const statements: Statement[] = [];
  raw.forEach((s: unknown, i: number) => {
    const where = `Statement ${i + 1}`;
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where} is not an object`));
    const st = s as Record<string, unknown>;
    const strayKey = Object.keys(st).find((k) => !['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition'].includes(k));
    if (strayKey) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where} has the unsupported element ${strayKey}`));
    if (st.Condition !== undefined) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where}: Condition is not supported by the emulator`));
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where}: Effect must be Allow or Deny`));
    const strings = (v: unknown) => (typeof v === 'string' && v.length > 0) || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.length > 0));
    const pr = st.Principal;
    const principalOk = pr === '*' || (!!pr && typeof pr === 'object' && !Array.isArray(pr) && Object.keys(pr).length === 1 && strings((pr as { AWS?: unknown }).AWS));
    if (!principalOk) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where}: Principal must be "*" or {"AWS": account ids or ARNs}`));
    if (pr !== '*') {
      for (const a of list((pr as { AWS: string | string[] }).AWS)) {
        if (a !== '*' && !ACCOUNT.test(a) && !IAM_PRINCIPAL.test(a)) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where}: invalid principal ${a}`));
      }
    }
    if (!strings(st.Action)) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where}: Action is required`));
    for (const a of list(st.Action as string | string[])) {
      if (!actions.some((known) => globMatch(a, known, true))) throw new MalformedResourcePolicyDocumentException(messages.unsupportedAction(a, actions));
    }
    if (!strings(st.Resource)) throw new MalformedResourcePolicyDocumentException(messages.malformed(`${where}: Resource is required`));
    for (const r of list(st.Resource as string | string[])) {
      if (!globMatch(r, resourceArn, false)) throw new MalformedResourcePolicyDocumentException(messages.foreignResource(r, resourceArn));
    }
    statements.push(st as unknown as Statement);
  });
  return statements;
}

/** Whether the stored policies let `account` perform `action` (e.g. "ssm:GetParameter") on the resource. */
export function policiesAllow(policies: readonly string[], account: string, action: string, resourceArn: string): boolean {
  let allowed = false;
  for (const text of policies) {
    let doc: { Statement?: Statement | Statement[] };
    try {
      doc = JSON.parse(text) as { Statement?: Statement | Statement[] };
    } catch {
      continue;
    }
    for (const st of doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) {
      const who = principalAccounts(st.Principal);
      if (who !== '*' && !who.includes(account)) continue;
      if (!list(st.Action).some((a) => globMatch(a, action, true))) continue;
      if (!list(st.Resource).some((r) => globMatch(r, resourceArn, false))) continue;
      if (st.Effect === 'Deny') return false;
      allowed = true;
    }
  }
  return allowed;
}
