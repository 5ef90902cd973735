/**
 * ClientToken idempotency, one mechanism for every operation that takes one (CreateMaintenanceWindow,
 * RegisterTargetWithMaintenanceWindow, RegisterTaskWithMaintenanceWindow, StartAutomationExecution,
 * StartChangeRequestExecution, ...):
 *
 *   return idempotent(ctx, input.ClientToken, input, () => new IdempotentParameterMismatch(msg), () => {
 *     ...create the resource...
 *     return { WindowId };
 *   });
 *
 * A retry with the same token and the same request (ClientToken aside) answers what the first call
 * answered and changes nothing; the same token with a different request is refused with the
 * operation's mismatch error. Tokens are remembered per account, Region and operation for 24 hours
 * (AWS does not document how long SSM keeps them; 24 hours is EC2's documented window and an
 * assumption here). The remembered answer is plain JSON in the state, so it snapshots and persists.
 */
import type { Ctx } from './context.js';
import type { ServiceError } from './errors.js';
import { defineSlice } from '../state/store.js';
import { anyJson, int, num, obj, rec, str } from '../state/schema.js';

export const TOKEN_TTL_MS = 24 * 3600 * 1000;

interface Remembered {
  /** The request without ClientToken, as canonical JSON. */
  request: string;
  answer: unknown;
  /** Epoch ms. */
  at: number;
}

const tokens = defineSlice<{ byKey: Record<string, Remembered>; writes: number }>(
  'idempotency',
  () => ({ byKey: Object.create(null), writes: 0 }),
  obj({ byKey: rec(obj({ request: str, answer: anyJson, at: num })), writes: int }),
);

/** JSON with object keys sorted, so two equal requests compare equal whatever their member order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function idempotent<T>(ctx: Ctx, token: string | undefined, input: object, mismatch: () => ServiceError, run: () => T): T {
  if (token === undefined) return run();
  const state = tokens.of(ctx.scope);
  const key = `${ctx.operation ?? '?'}\u0000${token}`;
  const { ClientToken: _token, ...rest } = input as Record<string, unknown>;
  const request = canonical(rest);
  const seen = Object.hasOwn(state.byKey, key) ? state.byKey[key] : undefined;
  if (seen && ctx.now - seen.at < TOKEN_TTL_MS) {
    if (seen.request !== request) throw mismatch();
    return structuredClone(seen.answer) as T;
  }
  const answer = run();
  state.byKey[key] = { request, answer: structuredClone(answer), at: ctx.now };
  // Forget expired tokens now and then, so the state does not grow with every call ever made.
  if (++state.writes % 256 === 0) {
    for (const k of Object.keys(state.byKey)) if (ctx.now - state.byKey[k].at >= TOKEN_TTL_MS) delete state.byKey[k];
  }
  return answer;
}
