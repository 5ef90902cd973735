/**
 * Paging of executions (newest first, by creation sequence) and of step executions (by position in the
 * execution). Tokens carry the position to continue from, checked by core/pagination.ts.
 */
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import * as messages from './messages.js';

/** MaxResults when none is given (the model's maximum for both operations). */
export const DEFAULT_MAX_RESULTS = 50;

export function readPosition(token: string | undefined, op: 'e' | 's'): number | undefined {
  if (token === undefined) return undefined;
  const invalid = () => new InvalidNextToken(messages.invalidNextToken());
  const p = decodeToken<{ o: string; p: number }>(token, invalid);
  if (!p || p.o !== op || typeof p.p !== 'number') throw invalid();
  return p.p;
}

export const makePosition = (op: 'e' | 's', p: number) => encodeToken({ o: op, p });
