import { describe, expect, it } from 'vitest';
import { Store } from '../state/store.js';
import { ServiceError } from './errors.js';
import { idempotent, TOKEN_TTL_MS } from './idempotency.js';
import type { Ctx } from './context.js';

const store = () => new Store([1, 2, 3, 4]);
const ctxAt = (s: Store, now: number, operation = 'CreateThing') => ({ scope: s.scope('000000000000', 'us-east-1'), now, operation }) as unknown as Ctx;
const mismatch = () => new ServiceError('IdempotentParameterMismatch', 'mismatch');

describe('idempotent (ClientToken)', () => {
  it('answers a retry with the first answer and does not run again', () => {
    const s = store();
    let runs = 0;
    const create = (now: number, input: object) => idempotent(ctxAt(s, now), 'tok', input, mismatch, () => ({ Id: `id-${++runs}` }));
    expect(create(0, { ClientToken: 'tok', Name: 'a', Tags: { b: 1, a: 2 } })).toEqual({ Id: 'id-1' });
    expect(create(1000, { Name: 'a', ClientToken: 'tok', Tags: { a: 2, b: 1 } })).toEqual({ Id: 'id-1' });
    expect(runs).toBe(1);
  });

  it('refuses the same token with another request', () => {
    const s = store();
    idempotent(ctxAt(s, 0), 'tok', { Name: 'a' }, mismatch, () => ({}));
    expect(() => idempotent(ctxAt(s, 1), 'tok', { Name: 'b' }, mismatch, () => ({}))).toThrow('mismatch');
  });

  it('keeps tokens per operation, and forgets them after 24 hours', () => {
    const s = store();
    let runs = 0;
    idempotent(ctxAt(s, 0, 'CreateA'), 'tok', { Name: 'a' }, mismatch, () => ++runs);
    idempotent(ctxAt(s, 0, 'CreateB'), 'tok', { Name: 'b' }, mismatch, () => ++runs);
    expect(runs).toBe(2);
    expect(idempotent(ctxAt(s, TOKEN_TTL_MS, 'CreateA'), 'tok', { Name: 'other' }, mismatch, () => ++runs)).toBe(3);
  });

  it('runs every time without a token', () => {
    const s = store();
    let runs = 0;
    idempotent(ctxAt(s, 0), undefined, {}, mismatch, () => ++runs);
    idempotent(ctxAt(s, 0), undefined, {}, mismatch, () => ++runs);
    expect(runs).toBe(2);
  });
});
