/**
 * Screenshots of the dashboard's main views for docs/dashboard.md and README: an emulator with the
 * default fleet and a few days of simulated life (commands with rate control, a nightly maintenance
 * window, a patch scan, inventory, parameters with a policy, an Automation waiting for approval),
 * photographed in headless Chromium.
 *   npx tsx scripts/dashboard-screenshots.ts        (needs Chromium: apt-get install chromium)
 */
import {
  CreateAssociationCommand,
  CreateDocumentCommand,
  CreateMaintenanceWindowCommand,
  PutParameterCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  SendCommandCommand,
  StartAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startTestEmulator } from '../emulator/testing/harness.js';
import { DEFAULT_FLEET_FILE } from '../emulator/sim/fleet/fixtures.js';
import { buildDashboard, chromiumPath, launch, noBrowserReason } from '../test/dashboard/browser.js';

if (!chromiumPath) {
  console.error(noBrowserReason);
  process.exit(1);
}
const out = join(import.meta.dirname, '..', 'docs', 'images');
mkdirSync(out, { recursive: true });
await buildDashboard(true);
const t = await startTestEmulator({ fleet: DEFAULT_FLEET_FILE, checkResponses: false });
const { ssm } = t;
try {
  // A nightly window running a shell script on the web tier, two nodes at a time.
  const { WindowId } = await ssm.send(new CreateMaintenanceWindowCommand({ Name: 'nightly-web', Schedule: 'cron(0 2 * * ? *)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: false }));
  const { WindowTargetId } = await ssm.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Role', Values: ['web'] }] }));
  await ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId, TaskType: 'RUN_COMMAND', TaskArn: 'AWS-RunShellScript', Priority: 1, MaxConcurrency: '2', MaxErrors: '1',
      Targets: [{ Key: 'WindowTargetIds', Values: [WindowTargetId!] }],
      TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['sleep 300', 'echo rotated logs'] } } },
    }),
  );
  await ssm.send(new CreateMaintenanceWindowCommand({ Name: 'weekly-db', Schedule: 'cron(0 4 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: true }));
  await ssm.send(new CreateAssociationCommand({ Name: 'AWS-GatherSoftwareInventory', Targets: [{ Key: 'InstanceIds', Values: ['*'] }], ScheduleExpression: 'rate(1 day)' }));
  await ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunPatchBaseline', Targets: [{ Key: 'tag:Env', Values: ['prod', 'dev'] }], Parameters: { Operation: ['Scan'] } }));
  await ssm.send(new PutParameterCommand({ Name: '/app/prod/db-url', Value: 'postgres://db:5432/app', Type: 'String' }));
  await ssm.send(new PutParameterCommand({ Name: '/app/prod/db-url', Value: 'postgres://db2:5432/app', Type: 'String', Overwrite: true }));
  await ssm.send(
    new PutParameterCommand({
      Name: '/app/prod/api-key', Value: 'k-123', Type: 'String', Tier: 'Advanced',
      Policies: JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2025-01-20T00:00:00Z' } }]),
    }),
  );
  await ssm.send(new PutParameterCommand({ Name: '/app/dev/db-url', Value: 'postgres://localhost/app', Type: 'String' }));
  await t.advance(3 * 86400 + 3 * 3600);
  await ssm.send(
    new CreateDocumentCommand({
      Name: 'ReleaseWithApproval', DocumentType: 'Automation',
      Content: JSON.stringify({
        schemaVersion: '0.3',
        mainSteps: [
          { name: 'prepare', action: 'aws:sleep', inputs: { Duration: 'PT1M' } },
          { name: 'approve', action: 'aws:approve', inputs: { Approvers: ['arn:aws:iam::000000000000:user/ana'], MinRequiredApprovals: 1, Message: 'Release?' } },
          { name: 'release', action: 'aws:sleep', inputs: { Duration: 'PT5M' } },
        ],
      }),
    }),
  );
  await t.advance(1);
  const { AutomationExecutionId } = await ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'ReleaseWithApproval' }));
  await t.advance(300);
  // Now: a rate-controlled command half-way (one node at a time, two minutes each).
  await ssm.send(
    new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['web'] }], MaxConcurrency: '1', MaxErrors: '1', Parameters: { commands: ['sleep 120', 'echo deployed'] } }),
  );
  await t.advance(300);

  const browser = await launch();
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 860 });
  const shot = async (view: string, then?: () => Promise<void>) => {
    await page.goto(`${t.endpoint}/_emulator/ui/#/${view}`, { waitUntil: 'domcontentloaded' });
    await then?.();
    await new Promise((r) => setTimeout(r, 1200));
    await page.screenshot({ path: join(out, `dashboard-${view}.png`) });
    console.log(`docs/images/dashboard-${view}.png`);
  };
  await shot('fleet', async () => {
    await page.waitForSelector('[data-testid=fleet-table] .vrow[data-key]');
    await page.click('[data-testid=fleet-table] .vrow[data-key]');
    await page.waitForSelector('[data-testid=node-detail] table');
  });
  await shot('commands', async () => {
    await page.waitForSelector('[data-testid=commands] tbody tr');
    await page.click('[data-testid=commands] tbody tr');
    await page.waitForSelector('[data-testid=invocations]');
  });
  await shot('windows');
  await shot('automation', async () => {
    await page.waitForSelector('[data-testid=automations] tbody tr');
    await page.click('[data-testid=automations] tbody tr');
    await page.waitForSelector('[data-testid=approve]');
  });
  await shot('clock');
  await shot('parameters', async () => {
    const clickText = async (selector: string, text: string) => {
      // Runs in the page; written as text so that this Node script needs no DOM types.
      await page.waitForFunction(`[...document.querySelectorAll(${JSON.stringify(selector)})].some((e) => e.textContent.includes(${JSON.stringify(text)}))`);
      const handles = await page.$$(selector);
      for (const h of handles) if ((await h.evaluate((e) => e.textContent ?? '')).includes(text)) return h.click();
    };
    await clickText('.folders a', 'app/');
    await clickText('.folders a', 'prod/');
    await clickText('[data-testid=parameters] tbody tr', 'api-key');
  });
  await shot('compliance');
  await shot('events');
  await browser.close();
  console.log(`automation ${AutomationExecutionId} left waiting for approval`);
} finally {
  await t.close();
}
