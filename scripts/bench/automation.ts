/**
 * Automation benchmark: 100 concurrent executions of a 10-step runbook (sleeps, a branch, API calls
 * to the emulator itself), started over HTTP, then one POST /_emulator/clock/advance that runs every
 * step to completion on the virtual clock. Reports the wall time (target: under 1 s), the heap and
 * stored state per finished execution, and the latency of reading an execution back.
 *
 *   npx tsx scripts/bench/automation.ts [--quick]    standalone, prints a table
 *   npm run bench                                      (run() is folded into the suite by scripts/bench/run.ts)
 */
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import YAML from 'yaml';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { automationSlice } from '../../emulator/sim/automation/state.js';
import { httpPost, ssmPost, closeSuite, runStandalone } from './load.js';

export interface AutomationRow {
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}

const EXECUTIONS = 100;

/** Ten steps: sleeps, a branch on a parameter, Parameter Store calls, a skipped step. */
const RUNBOOK = {
  schemaVersion: '0.3',
  description: 'bench: ten steps with sleeps and a branch',
  parameters: { Path: { type: 'String', default: 'fast' }, N: { type: 'String', default: '0' } },
  outputs: ['read.Value'],
  mainSteps: [
    { name: 'warmup', action: 'aws:sleep', inputs: { Duration: 'PT5S' } },
    { name: 'write', action: 'aws:executeAwsApi', inputs: { Service: 'ssm', Api: 'PutParameter', Name: '/bench/{{ N }}', Value: 'v{{ N }}', Type: 'String', Overwrite: true } },
    {
      name: 'read',
      action: 'aws:executeAwsApi',
      inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/bench/{{ N }}' },
      outputs: [{ Name: 'Value', Selector: '$.Parameter.Value', Type: 'String' }],
    },
    { name: 'choose', action: 'aws:branch', inputs: { Choices: [{ NextStep: 'fast1', Variable: '{{ Path }}', StringEquals: 'fast' }], Default: 'slow' } },
    { name: 'slow', action: 'aws:sleep', inputs: { Duration: 'PT1H' } },
    { name: 'fast1', action: 'aws:sleep', inputs: { Duration: 'PT10S' } },
    { name: 'fast2', action: 'aws:sleep', inputs: { Duration: 'PT20S' } },
    { name: 'check', action: 'aws:assertAwsResourceProperty', inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/bench/{{ N }}', PropertySelector: '$.Parameter.Value', DesiredValues: ['v{{ N }}'] } },
    { name: 'fast3', action: 'aws:sleep', inputs: { Duration: 'PT30S' } },
    { name: 'done', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
  ],
};

function gcFunction(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapUsed(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function ssm(agent: http.Agent, port: number, target: string, body: object): Promise<any> {
  const res = await ssmPost(agent, port, target, JSON.stringify(body));
  if (res.status !== 200) throw new Error(`${target} answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text);
}

async function advance(agent: http.Agent, port: number, seconds: number): Promise<any> {
  const res = await httpPost(agent, port, '/_emulator/clock/advance', { 'Content-Type': 'application/json' }, JSON.stringify({ seconds }));
  if (res.status !== 200) throw new Error(`advance answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text);
}

interface Round {
  startMs: number;
  advanceMs: number;
  tasks: number;
  heapPerExecution?: number;
  statePerExecution: number;
  getMs: number;
  events: number;
}

async function round(measureHeap: boolean): Promise<Round> {
  const gc = measureHeap ? gcFunction() : undefined;
  const emu = new Emulator({ clock: { mode: 'frozen', start: Date.UTC(2025, 0, 1) }, seed: 'bench' });
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await ssm(agent, port, 'CreateDocument', { Name: 'BenchRunbook', DocumentType: 'Automation', DocumentFormat: 'YAML', Content: YAML.stringify(RUNBOOK) });
    await advance(agent, port, 1);
    // Warm the JIT on a few executions first.
    for (let k = 0; k < 5; k++) await ssm(agent, port, 'StartAutomationExecution', { DocumentName: 'BenchRunbook', Parameters: { N: [`w${k}`] } });
    await advance(agent, port, 120);

    const heapBefore = measureHeap ? heapUsed(gc) : 0;
    const eventsBefore = emu.events.list().length;
    const t0 = performance.now();
    const ids: string[] = [];
    for (let k = 0; k < EXECUTIONS; k++) ids.push((await ssm(agent, port, 'StartAutomationExecution', { DocumentName: 'BenchRunbook', Parameters: { N: [String(k)] } })).AutomationExecutionId);
    const t1 = performance.now();
    const adv = await advance(agent, port, 120);
    const t2 = performance.now();
    const scope = emu.store.scope('000000000000', 'us-east-1');
    const slice = automationSlice.of(scope);
    for (const id of ids) {
      const ex = slice.executions[id];
      if (ex.AutomationExecutionStatus !== 'Success') throw new Error(`execution ${id} ended ${ex.AutomationExecutionStatus}: ${ex.FailureMessage}`);
    }
    const heapAfter = measureHeap ? heapUsed(gc) : 0;
    const statePerExecution = ids.reduce((n, id) => n + JSON.stringify(slice.executions[id]).length, 0) / EXECUTIONS;
    const gets: number[] = [];
    for (let k = 0; k < 20; k++) {
      const a = performance.now();
      await ssm(agent, port, 'GetAutomationExecution', { AutomationExecutionId: ids[k] });
      gets.push(performance.now() - a);
    }
    gets.sort((x, y) => x - y);
    return {
      startMs: t1 - t0,
      advanceMs: t2 - t1,
      tasks: adv.tasksRun,
      ...(measureHeap && gc && { heapPerExecution: (heapAfter - heapBefore) / EXECUTIONS }),
      statePerExecution,
      getMs: gets[gets.length >> 1],
      events: emu.events.list().length - eventsBefore,
    };
  } finally {
    await closeSuite(agent, emu, server);
  }
}

export async function run(opts: { quick?: boolean } = {}): Promise<AutomationRow[]> {
  const rounds: Round[] = [];
  const n = opts.quick ? 1 : 3;
  for (let k = 0; k < n; k++) rounds.push(await round(k === 0));
  const best = (f: (r: Round) => number) => Math.min(...rounds.map(f));
  const r0 = rounds[0];
  const rows: AutomationRow[] = [
    {
      name: `${EXECUTIONS} concurrent executions of a 10-step runbook (sleeps, a branch, API calls): start + advance until all finished`,
      value: best((r) => r.startMs + r.advanceMs),
      unit: 'ms',
      note: `target < 1000 ms; best of ${n}; ${r0.tasks.toLocaleString('en')} scheduler tasks, ${r0.events.toLocaleString('en')} events`,
    },
    { name: `of which ${EXECUTIONS} StartAutomationExecution calls (HTTP)`, value: best((r) => r.startMs), unit: 'ms' },
    { name: 'of which advancing the clock (every step of every execution)', value: best((r) => r.advanceMs), unit: 'ms' },
    { name: 'stored state per finished execution (JSON)', value: Math.round(r0.statePerExecution), unit: 'bytes' },
  ];
  if (r0.heapPerExecution !== undefined) {
    rows.push({ name: 'heap per finished execution (state, indexes, events, parameters it wrote)', value: Math.round(r0.heapPerExecution), unit: 'bytes', note: `heap growth after GC / ${EXECUTIONS}` });
  }
  rows.push({ name: 'GetAutomationExecution (HTTP), median', value: best((r) => r.getMs), unit: 'ms' });
  return rows;
}

// Standalone: npx tsx scripts/bench/automation.ts [--quick]
await runStandalone(import.meta.url, run);
