/**
 * The dashboard (/_emulator/ui) in a real headless Chromium: it loads without console errors, shows
 * the default fleet, follows virtual time when "+1 h" is pressed, and approves an Automation step
 * through SendAutomationSignal. Skipped, with the reason printed, where no Chromium is installed
 * (CONTRIBUTING.md says how to install one).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { CreateDocumentCommand, SendCommandCommand, StartAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../emulator/testing/harness.js';
import { DEFAULT_FLEET_FILE } from '../emulator/sim/fleet/fixtures.js';
import { buildDashboard, chromiumPath, collectErrors, launch, noBrowserReason } from './dashboard/browser.js';

if (noBrowserReason) console.log(noBrowserReason);

describe.skipIf(!chromiumPath)('dashboard in a headless browser', () => {
  const t = useEmulator({ fleet: DEFAULT_FLEET_FILE });
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await buildDashboard();
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await page.close();
  });

  const open = (view: string) => page.goto(`${t.endpoint}/_emulator/ui/#/${view}`, { waitUntil: 'domcontentloaded' });
  const texts = (selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

  it('loads with no console errors, and the fleet table shows the default fleet', async () => {
    const { body } = await t.http.get('/_emulator/fleet/instances');
    const expected = (body.instances as { InstanceId: string }[]).map((n) => n.InstanceId).sort();
    expect(expected.length).toBeGreaterThan(3);
    await open('fleet');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=fleet-table] .vbody .vrow').length === n, { timeout: 15_000 }, expected.length);
    const shown = await page.$$eval('[data-testid=fleet-table] .vbody .vrow', (rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(shown.sort()).toEqual(expected);
    expect(await texts('[data-testid=fleet-table] [data-testid=ping]')).toContain('Online');
    await page.waitForFunction(() => document.querySelector('[data-testid=clock-now]')?.textContent === '2025-01-01 00:00:00Z');
    // Every view renders without an error either.
    for (const view of ['clock', 'commands', 'windows', 'automation', 'parameters', 'documents', 'compliance', 'events']) {
      await page.click(`[data-testid=nav-${view}]`);
      await page.waitForSelector(`main[data-view=${view}] section`);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(errors).toEqual([]);
  });

  it('10,000 nodes: one list request, only the rows in view in the page, scrolling reaches the last node', async () => {
    const load = await t.http.post('/_emulator/fleet/load').send({ groups: [{ Count: 10_000, Platform: 'amazon-linux-2023', Tags: { Env: 'load' } }] });
    expect(load.status).toBe(200);
    const ids = ((await t.http.get('/_emulator/fleet/instances?fields=InstanceId')).body.instances as { InstanceId: string }[]).map((n) => n.InstanceId);
    expect(ids.length).toBe(10_000 + 7); // and the default fleet
    const started = performance.now();
    await open('fleet');
    await page.waitForFunction((n) => document.querySelector('[data-testid=fleet-table]')?.getAttribute('data-rows') === String(n), { timeout: 30_000 }, ids.length);
    const shownAfter = performance.now() - started;
    const rendered = await page.$$eval('[data-testid=fleet-table] .vbody .vrow', (rows) => rows.length);
    expect(rendered).toBeLessThan(60);
    await page.$eval('[data-testid=fleet-table] .vbody', (el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForFunction((last) => !!document.querySelector(`[data-testid=fleet-table] .vrow[data-key="${last}"]`), { timeout: 10_000 }, ids.at(-1));
    console.log(`dashboard: ${ids.length} nodes listed and shown in ${Math.round(shownAfter)} ms; ${rendered} rows in the page`);
    expect(errors).toEqual([]);
  });

  it('pressing "+1 h" moves a pending command to Success on screen', async () => {
    const sent = await t.ssm.send(
      new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: ['i-0a1b2c3d4e5f60001'], Parameters: { commands: ['sleep 600', 'echo done'] } }),
    );
    await open('commands');
    await page.waitForSelector('[data-testid=command-status]');
    expect(await texts('[data-testid=command-status]')).not.toContain('Success');
    await page.click('[data-testid=advance-1h]');
    // No reload, no polling: the live stream tells the view that state changed.
    await page.waitForFunction(() => document.querySelector('[data-testid=command-status]')?.textContent === 'Success', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=clock-now]')?.textContent === '2025-01-01 01:00:00Z');
    // The command's invocations and their output.
    await page.click('[data-testid=commands] tbody tr');
    await page.waitForFunction(() => document.querySelector('[data-testid=invocation-status]')?.textContent === 'Success');
    expect((await texts('[data-testid=invocations] pre.output')).join('')).toContain('done');
    expect(sent.Command?.CommandId).toBeDefined();
    expect(errors).toEqual([]);
  });

  it('approving an aws:approve step through the dashboard changes its status', async () => {
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'NeedsApproval',
        DocumentType: 'Automation',
        Content: JSON.stringify({
          schemaVersion: '0.3',
          mainSteps: [
            { name: 'approve', action: 'aws:approve', inputs: { Approvers: ['arn:aws:iam::000000000000:user/ana'], MinRequiredApprovals: 1, Message: 'ship it?' } },
            { name: 'after', action: 'aws:sleep', inputs: { Duration: 'PT1M' } },
          ],
        }),
      }),
    );
    await t.advance(1); // a new document is Creating for a moment
    const { AutomationExecutionId } = await t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'NeedsApproval' }));
    await open('automation');
    await page.waitForSelector('[data-testid=automations] tbody tr');
    expect(await texts('[data-testid=automation-status]')).toEqual(['Waiting']);
    await page.click('[data-testid=automations] tbody tr');
    await page.waitForSelector('[data-testid=approve]');
    expect((await texts('[data-testid=step-status]'))[0]).toBe('Waiting');
    await page.click('[data-testid=approve]');
    await page.waitForFunction(() => document.querySelector('[data-testid=step-status]')?.textContent === 'Success', { timeout: 15_000 });
    expect(await texts('[data-testid=automation-status]')).toEqual(['InProgress']);
    expect(await page.$('[data-testid=approve]')).toBeNull();
    const { body } = await t.http.get('/_emulator/events?detail-type=EC2 Automation Step Status-change Notification');
    expect(body.events.some((e: { detail: { ExecutionId?: string } }) => e.detail.ExecutionId === AutomationExecutionId)).toBe(true);
    expect(errors).toEqual([]);
  });
});
