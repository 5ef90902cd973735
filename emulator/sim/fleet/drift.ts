/**
 * Configuration drift reaching the fleet: the changes a script made on its node (services started or
 * stopped, packages installed or removed: sim/shell/system.ts) applied to the node's record when the
 * step completes, so the next inventory, the next script and DescribeInstanceInformation's
 * neighbours see them. The script plugin's complete() hook calls it (sim/commands/builtin.ts), on
 * the scheduler's clock, so a replay applies the same changes in the same order.
 *
 * Services and Applications are simulation data, not targeting data: nothing here notifies fleet
 * listeners (tags, resource groups and agent state are untouched).
 */
import type { FactChange } from '../shell/index.js';
import type { FleetInstance, InstalledApplication, InstalledService } from './instance.js';

export function applyDrift(inst: FleetInstance, changes: readonly FactChange[]): void {
  const same = (a: string, b: string) => (inst.PlatformType === 'Windows' ? a.toLowerCase() === b.toLowerCase() : a === b);
  const upsert = <T extends { Name: string }>(list: T[], item: T) => {
    const i = list.findIndex((x) => same(x.Name, item.Name));
    if (i >= 0) list[i] = item;
    else list.push(item);
  };
  const drop = <T extends { Name: string }>(list: T[], name: string) => {
    const i = list.findIndex((x) => same(x.Name, name));
    if (i >= 0) list.splice(i, 1);
  };
  for (const c of changes) {
    switch (c.kind) {
      case 'service':
        upsert<InstalledService>(inst.Services, { ...c.service });
        break;
      case 'service-removed':
        drop(inst.Services, c.name);
        break;
      case 'package':
        upsert<InstalledApplication>(inst.Applications, { ...c.package });
        break;
      case 'package-removed':
        drop(inst.Applications, c.name);
        break;
    }
  }
}
