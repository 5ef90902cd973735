/**
 * What --log-level debug may print of a request or response body: everything but secrets. A
 * SecureString parameter's Value (any object whose Type is SecureString: PutParameter's input,
 * GetParameter(s)' and GetParametersByPath's answers, history entries), secret strings and binaries,
 * session and access tokens, secret access keys and activation codes become "***".
 */
const SECRET_KEYS = new Set(['SecretString', 'SecretBinary', 'SecretAccessKey', 'SessionToken', 'TokenValue', 'ActivationCode', 'Password']);
export const REDACTED = '***';

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const o = value as Record<string, unknown>;
  const secure = o.Type === 'SecureString';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    out[k] = SECRET_KEYS.has(k) || (secure && k === 'Value') ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
