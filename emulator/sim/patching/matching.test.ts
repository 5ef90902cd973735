import { describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogPatchFile } from './catalog.js';
import { compilePatchList, globMatch, invalidListEntry } from './matching.js';

const pkg = (p: Partial<CatalogPatchFile>) =>
  buildCatalog(
    {
      format: 1,
      name: 'test',
      operatingSystem: 'AMAZON_LINUX_2023',
      platforms: [],
      product: 'AmazonLinux2023',
      patches: [{ ReleaseDate: 1, Name: 'dbus', Arch: 'x86_64', Epoch: 1, Version: '1.12.28', Release: '1.amzn2023.0.1', AdvisoryIds: ['ALAS2023-2024-512'], CVEIds: ['CVE-2024-1234'], BugzillaIds: ['2255001'], ...p }],
    },
    'test',
  ).patches[0];

describe('patch lists', () => {
  it('glob: one or more "*", case-insensitive, anchored, linear', () => {
    expect(globMatch('dbus*', 'dbus-libs')).toBe(true);
    expect(globMatch('*libs', 'dbus-libs')).toBe(true);
    expect(globMatch('d*s-l*s', 'dbus-libs')).toBe(true);
    expect(globMatch('dbus', 'dbus-libs')).toBe(false);
    expect(globMatch('KB5034*', 'kb5034441')).toBe(true);
    expect(globMatch('*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
  });

  it("yum: the user guide's package name constructions, advisory, CVE and Bugzilla ids", () => {
    const p = pkg({});
    const yes = [
      'dbus', 'dbus.x86_64', 'dbus-1.12.28', 'dbus-1.12.28-1.amzn2023.0.1', 'dbus-1.12.28-1.amzn2023.0.1.x86_64', '1.12.28', '1.12.28-1.amzn2023.0.1',
      '1:1.12.28-1.amzn2023.0.1', 'dbus-1:1.12.28-1.amzn2023.0.1', 'dbus-1:1.12.28-1.amzn2023.0.1.x86_64', '1:dbus-1.12.28-1.amzn2023.0.1.x86_64',
      'dbus.x86_64:1:1.12.28-1.amzn2023.0.1', 'dbus*', 'dbus-1.12.2*', 'dbus-*:1.12.28-1.amzn2023.0.1.x86_64', 'ALAS2023-2024-512', 'CVE-2024-1234', '2255001',
    ];
    for (const e of yes) expect(compilePatchList('yum', [e]).test(p), e).toBe(true);
    for (const e of ['dbus.i686', 'dbus-2.0', 'ALAS2023-2024-513', 'CVE-2024-9999', '2255002', 'dbus-libs']) expect(compilePatchList('yum', [e]).test(p), e).toBe(false);
  });

  it('Windows: KB numbers and bulletin ids; apt: package names', () => {
    const win = buildCatalog(
      { format: 1, name: 'w', operatingSystem: 'WINDOWS', platforms: [], product: 'WindowsServer2022', patches: [{ ReleaseDate: 1, Id: 'u1', KbNumber: 'KB5034441', MsrcNumber: 'MS24-001' }] },
      'w',
    ).patches[0];
    expect(compilePatchList('windows', ['KB5034441']).test(win)).toBe(true);
    expect(compilePatchList('windows', ['MS24-001']).test(win)).toBe(true);
    expect(compilePatchList('windows', ['KB1']).test(win)).toBe(false);
    const deb = buildCatalog({ format: 1, name: 'u', operatingSystem: 'UBUNTU', platforms: [], product: 'Ubuntu22.04', patches: [{ ReleaseDate: 1, Name: 'libssl3', Version: '3.0.2-0ubuntu1.15', Arch: 'amd64' }] }, 'u').patches[0];
    expect(compilePatchList('apt', ['libssl3']).test(deb)).toBe(true);
    expect(compilePatchList('apt', ['libssl*']).test(deb)).toBe(true);
    expect(compilePatchList('apt', ['libssl3.amd64']).test(deb)).toBe(false);
    expect(deb.kbId).toBe('libssl3');
  });

  it("says why an entry is not in the OS's format", () => {
    expect(invalidListEntry('windows', 'openssl')).toBe('not a KB or MS bulletin id');
    expect(invalidListEntry('windows', 'kb5034441')).toBeUndefined();
    expect(invalidListEntry('yum', 'a*b*c')).toBe('at most one wildcard is allowed');
    expect(invalidListEntry('macos', 'XProtect*')).toMatch(/wildcards are not supported/);
    expect(invalidListEntry('apt', 'bad name')).toBe('not a package name');
  });
});
