import { describe, expect, it } from 'vitest';
import { match, pick, seconds, runScenario } from './runner.js';

describe('scenario matching', () => {
  it('objects match on a subset of keys; arrays element by element', () => {
    expect(match({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
    expect(match({ a: 1 }, { a: 2 })).toEqual(['$.a: expected 1, got 2']);
    expect(match([{ n: 1 }, { n: 2 }], [{ n: 1, x: 0 }, { n: 2 }])).toEqual([]);
    expect(match([{ n: 1 }], [{ n: 1 }, { n: 2 }])).toEqual(['$: expected 1 items, got 2']);
  });

  it('matchers: $contains, $length, $regex, $exists, $gte, $lte', () => {
    expect(match({ $contains: [{ n: 2 }] }, [{ n: 1 }, { n: 2 }])).toEqual([]);
    expect(match({ $contains: [{ n: 3 }] }, [{ n: 1 }])).toHaveLength(1);
    expect(match({ $length: 2 }, [1, 2])).toEqual([]);
    expect(match({ $regex: '^i-[0-9a-f]{17}$' }, 'i-0123456789abcdef0')).toEqual([]);
    // a scenario's pattern runs on the linear-time engine: this would hang a backtracking one
    expect(match({ $regex: '(a+)+$' }, 'a'.repeat(40) + '!')).toEqual([`$: "${'a'.repeat(40)}!" does not match /(a+)+$/`]);
    expect(match({ $regex: '(?=x)' }, 'x')[0]).toMatch(/is not a usable regular expression: lookaheads are not supported/);
    expect(match({ x: { $exists: false } }, {})).toEqual([]);
    expect(match({ x: { $exists: false } }, { x: 1 })).toHaveLength(1);
    expect(match({ $gte: 2, $lte: 4 }, 3)).toEqual([]);
    expect(match({ $gte: 5 }, 3)).toHaveLength(1);
  });

  it('pick follows dotted paths with indexes; seconds reads durations', () => {
    expect(pick({ Commands: [{ CommandId: 'c1' }] }, 'Commands[0].CommandId')).toBe('c1');
    expect(pick({}, 'a.b.c')).toBeUndefined();
    expect(seconds('1h30m')).toBe(5400);
    expect(seconds(90)).toBe(90);
    expect(seconds('2d')).toBe(172800);
    expect(() => seconds('soon')).toThrow();
  });

  it('runs steps against a fresh emulator: control calls, advance, saved values and expected errors', async () => {
    const lines: string[] = [];
    const result = await runScenario(
      {
        name: 'clock story',
        clock: { start: '2025-06-01T00:00:00Z' },
        steps: [
          { control: 'GET /clock', expect: { now: '2025-06-01T00:00:00.000Z', mode: 'frozen' }, save: { mode: 'mode' } },
          { advance: '2h' },
          { control: 'GET /clock', expect: { now: '2025-06-01T02:00:00.000Z', mode: '${mode}' } },
          { call: 'GetParameter', input: {}, expectError: 'ValidationException' },
          { call: 'GetParametersByPath', input: { Path: '/x', MaxResults: 99 }, expectError: 'ValidationException' },
        ],
      },
      { log: (l) => lines.push(l) },
    );
    expect(result.error).toBeUndefined();
    expect(result.passed).toBe(true);
    expect(result.expectations).toHaveLength(4);
    expect(lines.filter((l) => l.includes(' ok '))).toHaveLength(5);
  });

  it('reports a failed expectation with its differences and fails the scenario', async () => {
    const result = await runScenario(
      { name: 'wrong', steps: [{ control: 'GET /clock', expect: { mode: 'real' } }] },
      { log: () => {} },
    );
    expect(result.passed).toBe(false);
    expect(result.expectations[0].differences).toEqual(['$.mode: expected "real", got "frozen"']);
  });
});
