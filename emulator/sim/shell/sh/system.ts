/**
 * Service and package managers of the sh dialect: systemctl and service (every Linux node), yum and
 * dnf plus rpm (Amazon Linux and the RHEL family; Amazon Linux 2 has no dnf), apt-get and apt plus
 * dpkg (Ubuntu, Debian). They read and change the run's SystemState (../system.ts), which the engine
 * applies to the node when the step completes. Messages follow systemd 252, dnf 4 and apt 2.4
 * (abridged where a real tool prints progress: no download sizes, no "Last metadata expiration
 * check"); `systemctl status` shows no "since" time, because nodes do not record when a service
 * started. Installing and removing packages takes virtual time (../system.ts INSTALL_MS, REMOVE_MS).
 */
import type { Facts } from '../facts.js';
import { INSTALL_MS, REMOVE_MS, type PackageFact, type ServiceFact } from '../system.js';
import type { Impl } from './commands.js';
import type { IO } from './interp.js';

/** The program implementing `name` on this node, or undefined (not installed there). */
export function systemCommand(name: string, facts: Facts): Impl | undefined {
  if (facts.os !== 'linux') return undefined;
  if (name === 'systemctl') return systemctl;
  if (name === 'service') return service;
  const deb = facts.distro === 'ubuntu' || facts.distro === 'debian';
  const rpm = !deb && facts.distro !== 'other' && facts.distro !== 'sles';
  if (rpm) {
    if (name === 'yum') return packageManager;
    // Amazon Linux 2 ships yum 3 only; Amazon Linux 2023 and RHEL 8+ have dnf (yum is an alias).
    if (name === 'dnf' && !(facts.distro === 'amzn' && !facts.platformVersion.startsWith('2023'))) return packageManager;
    if (name === 'rpm') return rpmQuery;
  }
  if (deb) {
    if (name === 'apt-get' || name === 'apt') return aptGet;
    if (name === 'dpkg') return dpkgStatus;
  }
  return undefined;
}

// ─────────────────────────────────────────── systemd ───────────────────────────────────────────

const unitName = (u: string) => u.replace(/\.service$/, '');
const unitFile = (facts: Facts, name: string) => `${facts.distro === 'ubuntu' || facts.distro === 'debian' ? '/lib' : '/usr/lib'}/systemd/system/${name}.service`;
const enabled = (s: ServiceFact) => s.StartType === 'Automatic';

function statusText(facts: Facts, s: ServiceFact): string {
  const active = s.Status === 'Running';
  const preset = facts.distro === 'ubuntu' || facts.distro === 'debian' ? 'vendor preset: enabled' : 'preset: disabled';
  const state = s.StartType === 'Disabled' ? 'masked' : enabled(s) ? 'enabled' : 'disabled';
  return (
    `${active ? '●' : '○'} ${s.Name}.service - ${s.DisplayName ?? s.Name}\n` +
    `     Loaded: loaded (${unitFile(facts, s.Name)}; ${state}; ${preset})\n` +
    `     Active: ${active ? 'active (running)' : 'inactive (dead)'}\n`
  );
}

const systemctl: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const words = args.filter((a) => !a.startsWith('-'));
  const quiet = flags.has('-q') || flags.has('--quiet');
  const now = flags.has('--now');
  const verb = words[0] ?? 'list-units';
  const names = words.slice(1).map(unitName);
  const sys = sh.system;
  const needUnits = () => {
    if (names.length) return false;
    io.err.write('Too few arguments.\n');
    return true;
  };
  switch (verb) {
    case 'start':
    case 'restart':
    case 'try-restart':
    case 'reload':
    case 'stop': {
      if (needUnits()) return 1;
      let code = 0;
      for (const n of names) {
        const s = sys.service(n);
        if (!s) {
          io.err.write(`Failed to ${verb} ${n}.service: Unit ${n}.service ${verb === 'stop' ? 'not loaded' : 'not found'}.\n`);
          code = 5;
          continue;
        }
        if (verb === 'stop') sys.updateService(s, { Status: 'Stopped' });
        else if (s.StartType === 'Disabled') {
          io.err.write(`Failed to ${verb} ${n}.service: Unit ${n}.service is masked.\n`);
          code = 1;
        } else if (verb === 'reload' && s.Status !== 'Running') {
          io.err.write(`${n}.service is not active, cannot reload.\n`);
          code = 1;
        } else if (verb !== 'try-restart' || s.Status === 'Running') sys.updateService(s, { Status: 'Running' });
      }
      return code;
    }
    case 'is-active': {
      if (needUnits()) return 1;
      let any = false;
      for (const n of names) {
        const active = sys.service(n)?.Status === 'Running';
        any ||= active;
        if (!quiet) io.out.write(active ? 'active\n' : 'inactive\n');
      }
      return any ? 0 : 3;
    }
    case 'is-enabled': {
      if (needUnits()) return 1;
      let any = false;
      let code = 0;
      for (const n of names) {
        const s = sys.service(n);
        if (!s) {
          io.err.write(`Failed to get unit file state for ${n}.service: No such file or directory\n`);
          code = 1;
          continue;
        }
        any ||= enabled(s);
        if (!quiet) io.out.write(s.StartType === 'Disabled' ? 'masked\n' : enabled(s) ? 'enabled\n' : 'disabled\n');
      }
      return code || (any ? 0 : 1);
    }
    case 'enable':
    case 'disable': {
      if (needUnits()) return 1;
      const on = verb === 'enable';
      for (const n of names) {
        if (!sys.service(n)) {
          io.err.write(`Failed to ${verb} unit: Unit file ${n}.service does not exist.\n`);
          return 1;
        }
      }
      for (const n of names) {
        const s = sys.service(n)!;
        const link = `/etc/systemd/system/multi-user.target.wants/${s.Name}.service`;
        if (on && !enabled(s)) io.err.write(`Created symlink ${link} → ${unitFile(sh.facts, s.Name)}.\n`);
        if (!on && enabled(s)) io.err.write(`Removed "${link}".\n`);
        sys.updateService(s, { StartType: on ? 'Automatic' : 'Manual', ...(now && { Status: on ? 'Running' : 'Stopped' }) });
      }
      return 0;
    }
    case 'status': {
      const list = names.length ? names : sys.allServices().map((s) => s.Name);
      let code = 0;
      list.forEach((n, i) => {
        const s = sys.service(n);
        if (!s) {
          io.err.write(`Unit ${n}.service could not be found.\n`);
          code = 4;
          return;
        }
        if (i > 0) io.out.write('\n');
        io.out.write(statusText(sh.facts, s));
        if (s.Status !== 'Running' && code === 0) code = 3;
      });
      return code;
    }
    case 'list-units': {
      const rows = sys.allServices().filter((s) => flags.has('--all') || s.Status === 'Running');
      const w = Math.max(4, ...rows.map((s) => s.Name.length + 8));
      io.out.write(`  ${'UNIT'.padEnd(w)} LOAD   ACTIVE   SUB     DESCRIPTION\n`);
      for (const s of rows) {
        const on = s.Status === 'Running';
        io.out.write(`  ${`${s.Name}.service`.padEnd(w)} loaded ${(on ? 'active' : 'inactive').padEnd(8)} ${(on ? 'running' : 'dead').padEnd(7)} ${s.DisplayName ?? s.Name}\n`);
      }
      io.out.write(`\n${rows.length} loaded units listed.\n`);
      return 0;
    }
    case 'daemon-reload':
    case 'daemon-reexec':
      return 0;
    default:
      io.err.write(`Unknown command verb '${verb}'.\n`);
      return 1;
  }
};

const SERVICE_ACTIONS = new Set(['start', 'stop', 'restart', 'reload', 'status', 'try-restart', 'force-reload']);

const service: Impl = (sh, argv, st, io) => {
  const [name, action] = argv.slice(1);
  if (!name || !action) {
    io.err.write('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
    return 1;
  }
  const n = unitName(name);
  const deb = sh.facts.distro === 'ubuntu' || sh.facts.distro === 'debian';
  if (deb) {
    // Debian's service(8) looks for the unit first and says so itself.
    if (!sh.system.service(n)) {
      io.err.write(`${n}: unrecognized service\n`);
      return 1;
    }
  } else if (SERVICE_ACTIONS.has(action)) {
    // The RHEL family's service(8) hands systemd units to systemctl and says so on stderr.
    io.err.write(`Redirecting to /bin/systemctl ${action} ${n}.service\n`);
  }
  const verb = action === 'force-reload' ? 'restart' : action;
  return systemctl(sh, ['systemctl', verb, n], st, io);
};

// ─────────────────────────────────────────── packages ──────────────────────────────────────────

function splitArgs(argv: string[]): { yes: boolean; quiet: boolean; words: string[] } {
  const rest = argv.slice(1);
  const yes = rest.some((a) => a === '-y' || a === '--yes' || a === '--assumeyes' || a === '--assume-yes' || /^-[a-z]*y[a-z]*$/.test(a));
  const quiet = rest.some((a) => a === '-q' || a === '-qq' || a === '--quiet');
  return { yes, quiet, words: rest.filter((a) => !a.startsWith('-')) };
}

const nvra = (p: PackageFact) => `${p.Name}-${p.Version}${p.Release ? `-${p.Release}` : ''}.${p.Architecture ?? 'x86_64'}`;

function rpmRepo(facts: Facts): string {
  if (facts.distro === 'amzn') return facts.platformVersion.startsWith('2023') ? 'amazonlinux' : 'amzn2-core';
  return 'appstream';
}

function table(io: IO, heading: string, rows: PackageFact[], repo: string): void {
  io.out.write(`${heading}:\n`);
  for (const p of rows) io.out.write(` ${p.Name.padEnd(24)} ${(p.Architecture ?? '').padEnd(8)} ${`${p.Version}${p.Release ? `-${p.Release}` : ''}`.padEnd(24)} ${repo}\n`);
}

/** yum / dnf: install, remove (erase), update (upgrade), list installed, check-update, makecache, clean. */
const packageManager: Impl = (sh, argv, _st, io) => {
  const { yes, quiet, words } = splitArgs(argv);
  const [verb, ...names] = words;
  const sys = sh.system;
  const prog = argv[0];
  const nothing = () => {
    if (!quiet) io.out.write('Dependencies resolved.\nNothing to do.\nComplete!\n');
    return 0;
  };
  switch (verb) {
    case 'install':
    case 'reinstall': {
      const missing = names.filter((n) => !sys.package(n) && !sys.available(n));
      for (const n of missing) io.out.write(`No match for argument: ${n}\n`);
      if (missing.length) {
        io.err.write(`Error: Unable to find a match: ${missing.join(' ')}\n`);
        return 1;
      }
      for (const n of names) if (sys.package(n)) io.out.write(`Package ${nvra(sys.package(n)!)} is already installed.\n`);
      const todo = names.filter((n) => !sys.package(n));
      if (todo.length === 0) return nothing();
      const records = todo.map((n) => sys.packageRecord(sys.available(n)!, sh.rt.now()));
      if (!quiet) {
        io.out.write('Dependencies resolved.\n');
        table(io, 'Installing', records, rpmRepo(sh.facts));
        io.out.write(`\nTransaction Summary\nInstall  ${records.length} Package${records.length > 1 ? 's' : ''}\n\n`);
      }
      if (!yes) {
        io.out.write('Is this ok [y/N]: ');
        io.err.write('Operation aborted.\n');
        return 1;
      }
      for (const n of todo) {
        sh.rt.advance(INSTALL_MS);
        const r = sys.available(n)!;
        sys.install(sys.packageRecord(r, sh.rt.now()), r.service);
      }
      if (!quiet) io.out.write(`Installed:\n${records.map((r) => `  ${nvra(r)}\n`).join('')}\nComplete!\n`);
      return 0;
    }
    case 'remove':
    case 'erase': {
      const present = names.filter((n) => sys.package(n));
      for (const n of names) if (!sys.package(n)) io.out.write(`No match for argument: ${n}\n`);
      if (present.length === 0) {
        if (!quiet) io.err.write('No packages marked for removal.\n');
        return nothing();
      }
      const records = present.map((n) => sys.package(n)!);
      if (!quiet) {
        io.out.write('Dependencies resolved.\n');
        table(io, 'Removing', records, '@System');
        io.out.write(`\nTransaction Summary\nRemove  ${records.length} Package${records.length > 1 ? 's' : ''}\n\n`);
      }
      if (!yes) {
        io.out.write('Is this ok [y/N]: ');
        io.err.write('Operation aborted.\n');
        return 1;
      }
      for (const r of records) {
        sh.rt.advance(REMOVE_MS);
        sys.remove(r.Name);
      }
      if (!quiet) io.out.write(`Removed:\n${records.map((r) => `  ${nvra(r)}\n`).join('')}\nComplete!\n`);
      return 0;
    }
    case 'update':
    case 'upgrade':
    case 'upgrade-minimal':
      // The simulated repositories hold the versions already installed: there is nothing newer.
      return nothing();
    case 'check-update':
    case 'makecache':
      if (verb === 'makecache' && !quiet) io.out.write('Metadata cache created.\n');
      return 0;
    case 'clean':
      if (!quiet) io.out.write('0 files removed\n');
      return 0;
    case 'list': {
      const rows = sys.allPackages().filter((p) => names.length <= 1 || names.slice(1).includes(p.Name));
      io.out.write('Installed Packages\n');
      for (const p of rows) io.out.write(`${`${p.Name}.${p.Architecture ?? 'x86_64'}`.padEnd(40)} ${`${p.Version}${p.Release ? `-${p.Release}` : ''}`.padEnd(28)} @${rpmRepo(sh.facts)}\n`);
      return 0;
    }
    case undefined:
      io.err.write(`usage: ${prog} [options] COMMAND\n`);
      return 1;
    default:
      io.err.write(`No such command: ${verb}. Please use /usr/bin/${prog} --help\n`);
      return 1;
  }
};

/** rpm -q NAME... / rpm -qa. */
const rpmQuery: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1);
  const opts = args.filter((a) => a.startsWith('-')).join('');
  if (!opts.includes('q')) {
    io.err.write('rpm: only queries (-q) are simulated\n');
    return 1;
  }
  if (opts.includes('a')) {
    for (const p of sh.system.allPackages()) io.out.write(`${nvra(p)}\n`);
    return 0;
  }
  let code = 0;
  for (const n of args.filter((a) => !a.startsWith('-'))) {
    const p = sh.system.package(n);
    if (p) io.out.write(`${nvra(p)}\n`);
    else {
      io.out.write(`package ${n} is not installed\n`);
      code = 1;
    }
  }
  return code;
};

const APT_COUNTS = (installed: number, removed: number) => `0 upgraded, ${installed} newly installed, ${removed} to remove and 0 not upgraded.\n`;

/** apt-get / apt: install, remove, purge, update, upgrade. */
const aptGet: Impl = (sh, argv, _st, io) => {
  const { quiet, words } = splitArgs(argv);
  const [verb, ...names] = words;
  const sys = sh.system;
  if (argv[0] === 'apt') io.err.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  const reading = () => {
    if (!quiet) io.out.write('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
  };
  switch (verb) {
    case 'update':
      if (!quiet) io.out.write('Reading package lists...\n');
      return 0;
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      reading();
      if (!quiet) io.out.write('Calculating upgrade...\n' + APT_COUNTS(0, 0));
      return 0;
    case 'install': {
      reading();
      const missing = names.find((n) => !sys.package(n) && !sys.available(n));
      if (missing) {
        io.err.write(`E: Unable to locate package ${missing}\n`);
        return 100;
      }
      for (const n of names) if (sys.package(n) && !quiet) io.out.write(`${n} is already the newest version (${sys.package(n)!.Version}).\n`);
      const todo = names.filter((n) => !sys.package(n));
      const records = todo.map((n) => sys.packageRecord(sys.available(n)!, sh.rt.now()));
      if (!quiet) {
        if (records.length) io.out.write(`The following NEW packages will be installed:\n  ${records.map((r) => r.Name).join(' ')}\n`);
        io.out.write(APT_COUNTS(records.length, 0));
      }
      for (const r of records) {
        sh.rt.advance(INSTALL_MS);
        if (!quiet) io.out.write(`Selecting previously unselected package ${r.Name}.\nUnpacking ${r.Name} (${r.Version}) ...\nSetting up ${r.Name} (${r.Version}) ...\n`);
        const avail = sys.available(r.Name)!;
        sys.install(sys.packageRecord(avail, sh.rt.now()), avail.service);
      }
      return 0;
    }
    case 'remove':
    case 'purge':
    case 'autoremove': {
      reading();
      for (const n of names) if (!sys.package(n) && !quiet) io.out.write(`Package '${n}' is not installed, so not removed\n`);
      const records = names.filter((n) => sys.package(n)).map((n) => sys.package(n)!);
      if (!quiet) {
        if (records.length) io.out.write(`The following packages will be REMOVED:\n  ${records.map((r) => r.Name + (verb === 'purge' ? '*' : '')).join(' ')}\n`);
        io.out.write(APT_COUNTS(0, records.length));
      }
      for (const r of records) {
        sh.rt.advance(REMOVE_MS);
        if (!quiet) io.out.write(`Removing ${r.Name} (${r.Version}) ...\n`);
        sys.remove(r.Name);
      }
      return 0;
    }
    case undefined:
      io.err.write('E: No command given\n');
      return 1;
    default:
      io.err.write(`E: Invalid operation ${verb}\n`);
      return 100;
  }
};

/** dpkg -s NAME... (dpkg-query's status of installed packages). */
const dpkgStatus: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1);
  if (!args.some((a) => a === '-s' || a === '--status')) {
    io.err.write('dpkg: only status queries (-s) are simulated\n');
    return 2;
  }
  let code = 0;
  for (const n of args.filter((a) => !a.startsWith('-'))) {
    const p = sh.system.package(n);
    if (!p) {
      io.err.write(`dpkg-query: package '${n}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`);
      code = 1;
      continue;
    }
    io.out.write(`Package: ${p.Name}\nStatus: install ok installed\nPriority: optional\nArchitecture: ${p.Architecture ?? 'amd64'}\nVersion: ${p.Version}\nDescription: ${p.Summary ?? p.Name}\n`);
  }
  return code;
};
