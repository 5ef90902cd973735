import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../testing/harness.js';
import { areas } from '../index.js';
import { automationStarter, automationWatchers } from '../../sim/automation/starter.js';
import type { AutomationExecutionStatus } from '../../generated/ssm/types.js';
import { runbook } from './testkit.js';

const told: { id: string; status: AutomationExecutionStatus; origin: string }[] = [];
const t = useEmulator({
  areas: [
    ...areas,
    { name: 'watcher', provides: [automationWatchers.provide({ kind: 'maintenance-window', settled: (_ctx, id, status, origin) => void told.push({ id, status, origin: origin.id }) })] },
  ],
});

describe('automationStarter: another capability starts executions and is told how they end', () => {
  it('tells the watchers of the origin\'s kind, once, with the final status; starts fail with StartAutomationExecution\'s errors', async () => {
    told.length = 0;
    await runbook(t, 'Nap', { mainSteps: [{ name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT2S' } }] });
    const starter = t.emu.ports.one(automationStarter)!;
    const ctx = t.emu.context('000000000000', 'us-east-1');
    const id = starter.start(ctx, { DocumentName: 'Nap' }, { kind: 'maintenance-window', id: 'inv-1' });
    starter.start(ctx, { DocumentName: 'Nap' }, { kind: 'association', id: 'a-1' });
    await t.advance(2);
    expect(told).toEqual([{ id, status: 'Success', origin: 'inv-1' }]);
    expect(() => starter.start(ctx, { DocumentName: 'Ghost' })).toThrow(expect.objectContaining({ code: 'AutomationDefinitionNotFoundException' }));
  });
});
