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

describe('scenario checks before any step runs', () => {
  it('lists unknown keys, bad durations with their step and the formats, unknown operations', async () => {
    const { checkScenario } = await import('./runner.js');
    expect(checkScenario({
      name: 'x',
      steps: [
        { call: 'PutParameter', inputs: { Name: '/a' } },
        { advance: '3 hours' },
        { call: 'PutParameterz' },
        { waitFor: { call: 'GetParameter', until: {}, every: 'often' } },
        { control: 'fleet/instances' },
        { advance: 1, call: 'GetParameter' },
      ],
    })).toEqual([
      'step 1: unknown key inputs (a call step has name, call, input, account, region, expect, expectError, save)',
      'step 2: advance "3 hours" is not a duration: use seconds (90) or a number with units ms, s, m, h, d, w ("90s", "15m", "1h30m")',
      'step 3: PutParameterz is not an operation of SSM',
      'step 4: waitFor.every "often" is not a duration: use seconds (90) or a number with units ms, s, m, h, d, w ("90s", "15m", "1h30m")',
      'step 5: control "fleet/instances": write it as METHOD /path (POST /_emulator/fleet/instances)',
      'step 6: has both call and advance call, advance, waitFor, control, expectEvents',
    ]);
  });

  it('runs nothing when the file has a problem; a missing file is one line', async () => {
    const { runScenario, runScenarioFile, ScenarioCheckError } = await import('./runner.js');
    await expect(runScenario({ name: 'x', steps: [{ advance: 'soon' }] } as never, { log: () => undefined })).rejects.toBeInstanceOf(ScenarioCheckError);
    await expect(runScenarioFile('/nonexistent/story.yaml')).rejects.toThrow('/nonexistent/story.yaml: no such scenario file');
  });

  it('keeps errors inside their table cell', async () => {
    const { formatResults } = await import('./runner.js');
    const table = formatResults([{ name: 'a|b', passed: false, expectations: [{ step: 1, label: 'x', passed: false, differences: ['line 1\nline 2 | more'] }], error: 'boom\nat x' }]);
    const rows = table.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toEqual([
      '| scenario | step | expectation | result |',
      '| --- | --- | --- | --- |',
      '| a\\|b | 1 | x | FAILED |',
      '| | | line 1<br>line 2 \\| more | |',
      '| a\\|b | | error: boom<br>at x | FAILED |',
    ]);
  });
});
