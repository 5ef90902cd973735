/**
 * Paging of commands (newest first) and invocations (newest command first, then each command's
 * invocations in target order). A token carries the position to continue from as keys (the command's
 * creation sequence number and an invocation index), never an offset, so pages stay correct while
 * commands are sent or expire between calls.
 */
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import * as messages from './messages.js';

export interface Position {
  /** Continue with the command of this sequence number (or older ones when it is gone). */
  s: number;
  /** ...at this invocation index (invocations only). */
  i?: number;
  /** The operation the token was made for. */
  o: 'c' | 'i';
}

export function readToken(token: string | undefined, op: 'c' | 'i'): Position | undefined {
  if (token === undefined) return undefined;
  const invalid = () => new InvalidNextToken(messages.invalidNextToken());
  const p = decodeToken<Position>(token, invalid);
  if (!p || p.o !== op || typeof p.s !== 'number' || (p.i !== undefined && typeof p.i !== 'number')) throw invalid();
  return p;
}

export const makeToken = (p: Position) => encodeToken(p);
