import { describe, expect, it } from 'vitest';
import { failedToRunLine, isoDuration, isoInstant, truncateOutput } from './output.js';
import { resolveConcurrency, resolveMaxErrors } from './rate.js';
import { executionTimeoutSeconds } from './steps.js';

describe('truncateOutput (the agent\'s TruncateOutput, capacity 2500)', () => {
  const title = '\n----------ERROR-------\n';
  it('joins stdout and stderr with the error title when they fit', () => {
    expect(truncateOutput('out\n', '')).toBe('out\n');
    expect(truncateOutput('out\n', 'err\n')).toBe(`out\n${title}err\n`);
    expect(truncateOutput('', '')).toBe('');
  });
  it('cuts both halves when both are long', () => {
    const r = truncateOutput('o'.repeat(3000), 'e'.repeat(3000));
    expect(r).toHaveLength(2500);
    const half = Math.floor((2500 - title.length - '\n---Output truncated---'.length - '\n---Error truncated----'.length) / 2);
    expect(r).toBe(`${'o'.repeat(half)}\n---Output truncated---${title}${'e'.repeat(half)}\n---Error truncated----`);
  });
  it('cuts stderr when stdout is short, stdout when stderr is short', () => {
    const a = truncateOutput('short\n', 'e'.repeat(5000));
    expect(a.startsWith(`short\n${title}eee`)).toBe(true);
    expect(a.endsWith('\n---Error truncated----')).toBe(true);
    expect(a).toHaveLength(2500);
    const b = truncateOutput('o'.repeat(5000), 'tiny');
    expect(b.endsWith(`\n---Output truncated---${title}tiny`)).toBe(true);
    expect(b).toHaveLength(2500);
    const marker = '\n---Output truncated---';
    expect(truncateOutput('o'.repeat(2500), '')).toBe('o'.repeat(2500 - marker.length) + marker);
  });
  it('the failure line of the runscript plugin', () => {
    expect(failedToRunLine(127)).toBe('failed to run commands: exit status 127');
  });
});

describe('times as the service writes them', () => {
  it('ExecutionElapsedTime is a Java Duration', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(71)).toBe('PT0.071S');
    expect(isoDuration(5030)).toBe('PT5.03S');
    expect(isoDuration(90_000)).toBe('PT1M30S');
    expect(isoDuration(3_723_500)).toBe('PT1H2M3.5S');
    expect(isoDuration(7_200_000)).toBe('PT2H');
  });
  it('times are Java Instants: milliseconds only when not zero', () => {
    expect(isoInstant(Date.UTC(2025, 0, 1, 0, 0, 1))).toBe('2025-01-01T00:00:01Z');
    expect(isoInstant(Date.UTC(2025, 0, 1, 0, 0, 1, 20))).toBe('2025-01-01T00:00:01.020Z');
  });
});

describe('rate controls', () => {
  it('MaxConcurrency: a number, or a percentage of the targets rounded down, at least 1', () => {
    expect(resolveConcurrency('50', 1000)).toBe(50);
    expect(resolveConcurrency('10%', 1000)).toBe(100);
    expect(resolveConcurrency('10%', 15)).toBe(1);
    expect(resolveConcurrency('1%', 50)).toBe(1);
    expect(resolveConcurrency('100%', 7)).toBe(7);
    expect(resolveConcurrency('10%', 0)).toBe(1);
  });
  it('MaxErrors: a number, or a percentage rounded down (10% of 50 stops at the sixth error)', () => {
    expect(resolveMaxErrors('0', 10)).toBe(0);
    expect(resolveMaxErrors('3', 10)).toBe(3);
    expect(resolveMaxErrors('10%', 50)).toBe(5);
    expect(resolveMaxErrors('10%', 9)).toBe(0);
  });
});

describe('execution timeout of a step (ValidateExecutionTimeout)', () => {
  it('reads timeoutSeconds as a number or numeric text, 3600 outside 5..172800', () => {
    expect(executionTimeoutSeconds({ inputs: { timeoutSeconds: '600' } })).toBe(600);
    expect(executionTimeoutSeconds({ inputs: { timeoutSeconds: 7200 } })).toBe(7200);
    expect(executionTimeoutSeconds({ inputs: {} })).toBe(3600);
    expect(executionTimeoutSeconds({ inputs: { timeoutSeconds: '4' } })).toBe(3600);
    expect(executionTimeoutSeconds({ inputs: { timeoutSeconds: '172801' } })).toBe(3600);
    expect(executionTimeoutSeconds({ inputs: { timeoutSeconds: 'soon' } })).toBe(3600);
    expect(executionTimeoutSeconds({ inputs: undefined })).toBe(3600);
  });
});
