/**
 * DescribePatchProperties: the values of a patch property for an OS, for use in filters. Properties
 * per OS as the API reference lists them (AMAZON_LINUX*: PRODUCT | CLASSIFICATION | SEVERITY; UBUNTU,
 * DEBIAN: PRODUCT | PRIORITY; MACOS: PRODUCT | CLASSIFICATION; WINDOWS: PRODUCT | PRODUCT_FAMILY |
 * CLASSIFICATION | MSRC_SEVERITY; ...). PatchSet (Windows only) picks OS or application products.
 * PRODUCT values include those of the loaded catalogs. MaxResults 1-50; default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { closedValues } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import { OS_INFO } from '../../sim/patching/os.js';
import { badToken, invalid } from './common.js';

export default defineOperation('DescribePatchProperties', (input, ctx) => {
  const os = input.OperatingSystem;
  const info = OS_INFO[os];
  if (!info.properties.includes(input.Property)) throw invalid(m.unsupportedPropertyForOs(input.Property, os));
  if (input.PatchSet !== undefined && os !== 'WINDOWS') throw invalid(m.patchSetWindowsOnly());
  const values = [...(closedValues(ctx, os, input.Property, [input.PatchSet ?? 'OS']) ?? [])].sort();
  const { page, nextToken } = pageSorted(values, (v) => v, input.MaxResults ?? 50, input.NextToken, badToken);
  const apps = info.applications ?? {};
  const Properties = page.map((Name): Record<string, string> =>
    input.Property === 'PRODUCT' && os === 'WINDOWS' ? { Name, ProductFamily: Object.hasOwn(apps, Name) ? apps[Name] : 'Windows' } : { Name },
  );
  return { Properties, ...(nextToken && { NextToken: nextToken }) };
});
