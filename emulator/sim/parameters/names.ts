/**
 * Parameter names as AWS defines them (user guide, "About requirements and constraints for parameter
 * names"): case-sensitive; a-zA-Z0-9_.- and "/" between hierarchy levels; a hierarchical name starts
 * with "/"; at most 15 levels; at most 1011 characters counting the ARN that precedes the name; no
 * "aws"/"ssm" prefix (case-insensitive); "/TestParam1" and "TestParam1" are the same parameter.
 *
 * As AWS answers (recorded from AWS): a name that contains "/" must start with "/" and no level may be
 * empty, for reads as for writes: "a/b/c" and "/a//b//c" are a ValidationException, not a parameter
 * that does not exist. A single-level name is found with or without its leading slash, and reads
 * answer `Name` in the form the caller wrote (see read.ts).
 *
 * References (what GetParameter & co. accept) add a "name:version" or "name:label" selector and, where
 * AWS allows it, the parameter's ARN: arn:aws:ssm:<region>:<account>:parameter/<name without its
 * leading slash>.
 */
import { ServiceError } from '../../core/errors.js';
import { AccessDeniedException, HierarchyLevelLimitExceededException, ValidationException } from '../../generated/ssm/errors.js';
import * as messages from './messages.js';

export const MAX_LEVELS = 15;
export const MAX_NAME_WITH_ARN = 1011;
const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
const LABEL_CHARS = /^[a-zA-Z0-9_.-]+$/;

/** The key a parameter is stored under: single-level names get their leading slash. */
export const canonical = (name: string): string => (name.startsWith('/') ? name : `/${name}`);

export const parameterArn = (account: string, region: string, name: string): string =>
  `arn:aws:ssm:${region}:${account}:parameter/${name.startsWith('/') ? name.slice(1) : name}`;

/** "/a/b/c" -> "/a/b"; "/a" -> "/" (the parent a OneLevel listing of it finds it under). */
export const parentOf = (canonicalName: string): string => {
  const i = canonicalName.lastIndexOf('/');
  return i <= 0 ? '/' : canonicalName.slice(0, i);
};

/** Public parameters (AWS-owned, read-only) live under /aws/. */
export const isPublicName = (name: string): boolean => name === '/aws' || name.startsWith('/aws/');

/**
 * Checks a name for PutParameter (and other writes that create names), in the order AWS reports:
 * leading and trailing spaces are removed first, as AWS does. Returns the trimmed name.
 */
export function validateNewName(name: string, where: { account: string; region: string }): string {
  const n = name.trim();
  checkNameShape(n);
  if (!hasNameCharacters(n)) throw new ValidationException(messages.invalidNameOrSsmPrefix());
  const levels = n.startsWith('/') ? n.slice(1).split('/') : [n];
  const first = levels[0].toLowerCase();
  const hierarchical = levels.length > 1;
  if (first.startsWith('aws')) {
    if (hierarchical) throw new AccessDeniedException(messages.reservedName(n));
    throw new ValidationException(messages.reservedPrefix());
  }
  if (first.startsWith('ssm')) throw new ValidationException(hierarchical ? messages.invalidNameOrSsmPrefix() : messages.reservedPrefix());
  if (levels.length > MAX_LEVELS) throw new HierarchyLevelLimitExceededException(messages.hierarchyTooDeep());
  const arnLength = parameterArn(where.account, where.region, n).length;
  if (arnLength > MAX_NAME_WITH_ARN) throw new ValidationException(messages.nameTooLong(arnLength));
  return n;
}

export interface Reference {
  /** The name part, trimmed, as the caller wrote it (for ARNs: "/" + the ARN's resource name). */
  name: string;
  /** Canonical key of the name part. */
  key: string;
  /** "name:3" -> {version: 3}; "name:prod" -> {label: "prod"}; raw is what followed the colon. */
  selector?: { version?: number; label?: string; raw: string };
  /** Set when the reference was an ARN. */
  arn?: { account: string; region: string; text: string };
}

const ARN = /^arn:(aws[a-z-]*):ssm:([a-z0-9-]*):(\d{12}|):parameter\/(.+)$/;

/**
 * Parses what a caller passed as a parameter name (GetParameter, GetParameters, GetParameterHistory,
 * readParameter). Throws ValidationException for names with spaces inside (AWS's documented rule);
 * the caller checks the name part's shape (checkNameShape) once it knows it names a parameter.
 */
export function parseReference(input: string, opts: { allowSelector: boolean; allowArn: boolean }): Reference {
  const text = input.trim();
  if (/\s/.test(text)) throw new ValidationException(messages.invalidNameOrSsmPrefix());
  let body = text;
  let arn: Reference['arn'];
  const m = opts.allowArn ? ARN.exec(text) : null;
  if (m) {
    arn = { account: m[3], region: m[2], text };
    body = `/${m[4]}`;
  }
  let selector: Reference['selector'];
  const colon = body.indexOf(':');
  if (colon >= 0 && opts.allowSelector) {
    const raw = body.slice(colon + 1);
    body = body.slice(0, colon);
    if (/^\d+$/.test(raw)) selector = { version: Number(raw), raw };
    else selector = { label: raw, raw };
  }
  if (arn) arn.text = `arn:${m![1]}:ssm:${arn.region}:${arn.account}:parameter${body}`;
  return { name: body, key: canonical(body), selector, arn };
}

/**
 * The structure every name a request gives must have, read or write (recorded from AWS): a name with
 * "/" starts with it and has no empty level. Otherwise AWS answers ValidationException with the
 * name-rules text, not ParameterNotFound. (Characters outside AWS's set are refused by writes; a read
 * of such a name finds nothing: hasNameCharacters.)
 */
export function checkNameShape(name: string): void {
  // No empty level: not "/", no "//", no trailing "/" (without splitting: this is on the GetParameter hot path).
  if (name.includes('/') && (!name.startsWith('/') || name === '/' || name.includes('//') || name.endsWith('/'))) {
    throw new ValidationException(messages.invalidNameOrSsmPrefix());
  }
}

/** Whether a name is made of AWS's characters only (letters, numbers, "_", ".", "-" and "/"). */
export const hasNameCharacters = (name: string): boolean => NAME_CHARS.test(name);

/**
 * Label rules (LabelParameterVersion documentation): at most 100 characters of letters, numbers, ".",
 * "-" and "_"; not starting with a number, "aws" or "ssm" (case-insensitive).
 */
export function isValidLabel(label: string): boolean {
  if (!label || label.length > 100 || !LABEL_CHARS.test(label)) return false;
  if (/^[0-9]/.test(label)) return false;
  const l = label.toLowerCase();
  return !l.startsWith('aws') && !l.startsWith('ssm');
}

/**
 * A GetParametersByPath path: starts with "/", valid characters, no empty levels (a trailing slash is
 * accepted and ignored), at most 15 levels. Returns the normalised path ("/" or "/a/b").
 */
export function normalisePath(path: string): string {
  const p = path.trim();
  if (!p.startsWith('/') || !NAME_CHARS.test(p) || p.includes('//')) throw new ValidationException(messages.invalidPath());
  const norm = p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
  if (norm !== '/') {
    const levels = norm.slice(1).split('/');
    const first = levels[0].toLowerCase();
    if (first.startsWith('ssm') || (first.startsWith('aws') && first !== 'aws')) throw new ValidationException(messages.invalidPath());
    if (levels.length > MAX_LEVELS) throw new HierarchyLevelLimitExceededException(messages.hierarchyTooDeep());
  }
  return norm;
}

/** Errors that GetParameters reports per name (InvalidParameters) instead of failing the request. */
export const isPerNameError = (e: unknown): e is ServiceError =>
  e instanceof ServiceError && (e.code === 'ParameterNotFound' || e.code === 'ParameterVersionNotFound');
