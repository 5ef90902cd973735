/**
 * How long schedule.ts takes for the case the scheduler leans on hardest: the next 100 runs of a
 * monthly nth-weekday cron in a zone, with an offset. Target: under 5 ms. Not a test (timings depend
 * on the machine); run it by hand:
 *
 *   npx tsx emulator/time/schedule.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { nextRuns, parseSchedule } from './schedule.js';

const cases: [string, Parameters<typeof parseSchedule>[1]][] = [
  ['cron(0 2 ? * TUE#2 *)', { timezone: 'Asia/Seoul', offsetDays: 2 }],
  ['cron(30 2 * * ? *)', { timezone: 'America/New_York' }],
  ['cron(15 10 ? * 6L *)', { timezone: 'Europe/London', offsetDays: 1 }],
  ['cron(0/30 * * * ? *)', { timezone: 'America/New_York' }],
];

/** Wall time, and this process's CPU time (what the work costs when other processes share the cores). */
function measure(expression: string, opts: Parameters<typeof parseSchedule>[1]): string {
  const from = Date.UTC(2025, 0, 1);
  const once = () => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    nextRuns(parseSchedule(expression, opts), from, 100);
    return [performance.now() - wall, process.cpuUsage(cpu).user / 1000] as const;
  };
  const [first] = once();
  const runs = Array.from({ length: 51 }, once);
  const median = (i: 0 | 1) => runs.map((r) => r[i]).sort((a, b) => a - b)[25]!.toFixed(2);
  return `${expression} ${JSON.stringify(opts)}: first call ${first.toFixed(2)} ms; then median ${median(0)} ms wall, ${median(1)} ms CPU`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [expression, opts] of cases) console.log(measure(expression, opts));
}
