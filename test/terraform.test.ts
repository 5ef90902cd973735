/**
 * Terraform's hashicorp/aws provider against the emulator: every fragment in test/terraform/*.tf is
 * applied as one project, planned again (no drift: every member the provider reads back round-trips)
 * and destroyed, with each capability's checks (test/terraform/*.checks.ts) after apply and destroy.
 * Skipped, with the reason printed, where terraform or the provider mirror is missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useEmulator } from '../emulator/testing/harness.js';
import { terraformAvailability, terraformProject, type TerraformProject } from '../emulator/testing/terraform.js';
import type { TerraformChecks } from './terraform/checks.js';

const here = join(import.meta.dirname, 'terraform');
const available = terraformAvailability();
if (!available.ok) console.warn(`Terraform tests skipped: ${available.reason}`);

const fragments = Object.fromEntries(
  readdirSync(here)
    .filter((f) => f.endsWith('.tf'))
    .map((f) => [f, readFileSync(join(here, f), 'utf8')]),
);
const checkModules = readdirSync(here).filter((f) => f.endsWith('.checks.ts'));

describe.skipIf(!available.ok)('terraform (hashicorp/aws provider)', () => {
  const t = useEmulator({ fleet: 'fixtures/fleets/default.yaml' });
  let project: TerraformProject | undefined;
  const checks: TerraformChecks[] = [];
  afterAll(() => project?.remove());

  it('applies every fragment, shows no drift on a second plan, and destroys everything', async () => {
    for (const f of checkModules) checks.push(((await import(join(here, f))) as { checks: TerraformChecks }).checks);
    t.emu.clock.set({ mode: 'real' }); // the provider polls and waits in wall time
    project = terraformProject({ endpoint: t.endpoint, mirror: (available as { mirror: string }).mirror, files: fragments });
    await project.apply();
    const ctx = { ssm: t.ssm, endpoint: t.endpoint, outputs: project.outputs() };
    for (const c of checks) await c.afterApply(ctx);
    const plan = await project.plan();
    expect(plan.code, `terraform plan found drift:\n${plan.stdout}\n${plan.stderr}`).toBe(0);
    await project.destroy();
    for (const c of checks) await c.afterDestroy?.(ctx);
  }, 600_000); // the provider waits in wall time; on the loaded shared machine a run took over 300 s
});
