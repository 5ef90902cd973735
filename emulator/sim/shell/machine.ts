/**
 * The machine under a simulated node, for the commands people put in examples and health checks
 * (uptime, df, free, ps, ip addr, /proc/cpuinfo, lsb_release, ipconfig, systeminfo,
 * Get-ComputerInfo, Get-Process): vCPUs and memory from the instance type, the boot time from the
 * node's launch, disks, network interface and processes. Every value is derived from the node's facts
 * and a hash of its id, so the same node answers the same way on every run (no wall clock, no
 * Math.random).
 *
 * Output formats follow procps-ng (uptime, free, ps), GNU coreutils (df), iproute2 (ip addr),
 * lsb_release, and Windows' ipconfig / systeminfo / PowerShell's default table and list views.
 * The numbers are a model: plausible for an idle EC2 instance of the type, not measured.
 */
import { hash32, type Facts } from './facts.js';

export interface Machine {
  cpus: number;
  memKiB: number;
  /** Epoch ms the node booted. */
  bootMs: number;
  /** Load averages (1, 5, 15 minutes) of an idle node. */
  load: [number, number, number];
  mac: string;
  /** Root volume, KiB: size and used. */
  rootKiB: number;
  rootUsedKiB: number;
  /** Memory in use and in page cache, KiB. */
  usedKiB: number;
  cacheKiB: number;
  processes: { pid: number; user: string; cmd: string; rssKiB: number }[];
}

/** vCPUs of an EC2 size (nano..large: 2; xlarge: 4; 2xlarge: 8; ...), as in EC2's instance type tables. */
export function vcpusOf(instanceType: string | undefined): number {
  const size = instanceType?.split('.')[1] ?? 'large';
  if (size === 'metal') return instanceType?.startsWith('mac') ? 8 : 96;
  const m = /^(\d*)xlarge$/.exec(size);
  return m ? 4 * (m[1] ? Number(m[1]) : 1) : 2;
}

/** Memory in GiB: t-family small sizes by name, otherwise GiB per vCPU by family (c: 2, m/t: 4, r/x: 8). */
function memGiB(instanceType: string | undefined, cpus: number): number {
  const [family = 'm5', size = 'large'] = (instanceType ?? 'm5.large').split('.');
  const small: Record<string, number> = { nano: 0.5, micro: 1, small: 2, medium: 4 };
  if (small[size] !== undefined) return small[size]!;
  const perCpu = family.startsWith('c') ? 2 : family.startsWith('r') || family.startsWith('x') ? 8 : 4;
  return cpus * perCpu;
}

export function machineOf(f: Facts, startMs: number): Machine {
  const h = hash32(f.instanceId);
  const cpus = vcpusOf(f.instanceType);
  // The kernel keeps some memory for itself: MemTotal is ~96% of the instance's memory.
  const memKiB = Math.round(memGiB(f.instanceType, cpus) * 1024 * 1024 * 0.96);
  // Without a launch time the node booted 1 to 72 hours before the script started.
  const bootMs = f.bootSeconds !== undefined ? f.bootSeconds * 1000 : startMs - (1 + (h % 72)) * 3_600_000 - (h % 3600) * 1000;
  const rootKiB = (f.os === 'windows' ? 30 : 8) * 1024 * 1024;
  const rootUsedKiB = Math.round(rootKiB * (0.18 + (h % 25) / 100));
  const usedKiB = Math.round(Math.min(memKiB * 0.6, 300_000 + (h % 200_000)));
  const cacheKiB = Math.round(Math.min(memKiB * 0.2, 350_000 + ((h >>> 8) % 150_000)));
  const mac = `02:${[1, 2, 3, 4, 5].map((i) => ((h >>> (i * 5)) & 0xff).toString(16).padStart(2, '0')).join(':')}`;
  const base = 1000 + (h % 1000);
  const agent = f.os === 'windows' ? 'amazon-ssm-agent.exe' : '/usr/bin/amazon-ssm-agent';
  const processes =
    f.os === 'windows'
      ? [
          { pid: 4, user: 'SYSTEM', cmd: 'System', rssKiB: 140 },
          { pid: 88, user: 'SYSTEM', cmd: 'Registry', rssKiB: 40_000 },
          { pid: base, user: 'SYSTEM', cmd: 'amazon-ssm-agent', rssKiB: 28_000 },
          { pid: base + 24, user: 'SYSTEM', cmd: 'ssm-agent-worker', rssKiB: 36_000 },
          { pid: base + 40, user: 'SYSTEM', cmd: 'svchost', rssKiB: 22_000 },
          { pid: base + 64, user: 'SYSTEM', cmd: 'powershell', rssKiB: 68_000 },
        ]
      : [
          { pid: 1, user: 'root', cmd: '/usr/lib/systemd/systemd --switched-root --system --deserialize=32', rssKiB: 16_000 },
          { pid: 2, user: 'root', cmd: '[kthreadd]', rssKiB: 0 },
          { pid: base - 300, user: 'root', cmd: '/usr/lib/systemd/systemd-journald', rssKiB: 12_000 },
          { pid: base - 120, user: 'root', cmd: '/usr/sbin/chronyd -F 2', rssKiB: 3_500 },
          { pid: base - 60, user: 'root', cmd: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', rssKiB: 9_000 },
          { pid: base, user: 'root', cmd: agent, rssKiB: 24_000 },
          { pid: base + 24, user: 'root', cmd: '/usr/bin/ssm-agent-worker', rssKiB: 32_000 },
        ];
  return {
    cpus, memKiB, bootMs, mac, rootKiB, rootUsedKiB, usedKiB, cacheKiB, processes,
    load: [((h % 9) / 100), (((h >>> 4) % 7) / 100), (((h >>> 8) % 5) / 100)],
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

// ───────────────────────────────────────── Linux ─────────────────────────────────────────

/** procps-ng uptime: " 10:15:42 up 3 days,  2:04,  0 users,  load average: 0.00, 0.01, 0.05". */
export function uptimeText(m: Machine, nowMs: number, mode: 'default' | 'pretty' | 'since'): string {
  const up = Math.max(0, Math.floor((nowMs - m.bootMs) / 1000));
  const days = Math.floor(up / 86400);
  const hours = Math.floor((up % 86400) / 3600);
  const mins = Math.floor((up % 3600) / 60);
  if (mode === 'since') return new Date(m.bootMs).toISOString().slice(0, 19).replace('T', ' ') + '\n';
  if (mode === 'pretty') {
    const parts = [
      days && `${days} ${days === 1 ? 'day' : 'days'}`,
      hours && `${hours} ${hours === 1 ? 'hour' : 'hours'}`,
      (mins || (!days && !hours)) && `${mins} ${mins === 1 ? 'minute' : 'minutes'}`,
    ].filter(Boolean);
    return `up ${parts.join(', ')}\n`;
  }
  const d = days ? `${days} ${days === 1 ? 'day' : 'days'}, ` : '';
  const t = hours ? `${String(hours).padStart(2)}:${pad2(mins)}` : `${mins} min`;
  const load = m.load.map((x) => x.toFixed(2)).join(', ');
  return ` ${clock(nowMs)} up ${d}${t},  0 users,  load average: ${load}\n`;
}

/** df's mounts: rows of [filesystem, 1K-blocks, used, mounted on]. */
function mounts(f: Facts, m: Machine): [string, number, number, string][] {
  const half = Math.round(m.memKiB / 2);
  const root = f.distro === 'ubuntu' ? '/dev/root' : '/dev/nvme0n1p1';
  const rows: [string, number, number, string][] = [
    ['devtmpfs', 4096, 0, '/dev'],
    ['tmpfs', half, 0, '/dev/shm'],
    ['tmpfs', Math.round(m.memKiB / 5), 450, '/run'],
    [root, m.rootKiB, m.rootUsedKiB, '/'],
    ['tmpfs', half, 0, '/tmp'],
  ];
  if (f.distro === 'ubuntu' || f.distro === 'amzn') rows.push([f.distro === 'ubuntu' ? '/dev/nvme0n1p15' : '/dev/nvme0n1p128', 10_208, 6_000, '/boot/efi']);
  return rows;
}

/** GNU's human sizes: powers of 1024, one decimal below 10, rounded up. */
export function human(kib: number, suffixI = false): string {
  if (kib === 0) return '0';
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = kib;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const s = v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
  return s + units[u] + (suffixI ? 'i' : '');
}

export function dfText(f: Facts, m: Machine, opts: { human: boolean; paths: string[] }): { out: string; err: string; code: number } {
  let rows = mounts(f, m);
  let err = '';
  if (opts.paths.length) {
    const picked: typeof rows = [];
    for (const p of opts.paths) {
      if (!p.startsWith('/')) {
        err += `df: ${p}: No such file or directory\n`;
        continue;
      }
      // The mount a path is on: the longest mount point that is a prefix of it.
      const best = rows.filter((r) => p === r[3] || p.startsWith(r[3].endsWith('/') ? r[3] : r[3] + '/')).sort((a, b) => b[3].length - a[3].length)[0];
      if (best) picked.push(best);
    }
    rows = picked;
  }
  const table = [[ 'Filesystem', opts.human ? 'Size' : '1K-blocks', 'Used', opts.human ? 'Avail' : 'Available', 'Use%', 'Mounted on' ]];
  for (const [fs, size, used, on] of rows) {
    const avail = size - used;
    const pct = size === 0 ? '-' : `${Math.ceil((used * 100) / size)}%`;
    const n = (k: number) => (opts.human ? human(k) : String(k));
    table.push([fs, n(size), n(used), n(avail), pct, on]);
  }
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const out = rows.length || !opts.paths.length
    ? table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : i === 5 ? c : c.padStart(widths[i]!))).join(' ')).join('\n') + '\n'
    : '';
  return { out, err, code: err ? 1 : 0 };
}

export function freeText(m: Machine, unit: 'k' | 'm' | 'g' | 'b' | 'h'): string {
  const free = m.memKiB - m.usedKiB - m.cacheKiB;
  const avail = free + Math.round(m.cacheKiB * 0.8);
  const v = (k: number) => {
    switch (unit) {
      case 'm': return String(Math.floor(k / 1024));
      case 'g': return String(Math.floor(k / 1048576));
      case 'b': return String(k * 1024);
      case 'h': return k === 0 ? '0B' : human(k, true);
      default: return String(k);
    }
  };
  const row = (name: string, cells: string[]) => name.padEnd(8) + cells.map((c) => c.padStart(12)).join('');
  return [
    '        ' + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((c) => c.padStart(12)).join(''),
    row('Mem:', [v(m.memKiB), v(m.usedKiB), v(free), v(1200), v(m.cacheKiB), v(avail)]),
    row('Swap:', [v(0), v(0), v(0)]),
  ].join('\n') + '\n';
}

/** ps: without options the script's own processes; -e/-ef/aux every process. */
export function psText(f: Facts, m: Machine, nowMs: number, shellPid: number, shell: string, style: 'own' | 'ef' | 'aux'): string {
  const stime = new Date(m.bootMs).toISOString().slice(11, 16);
  const mine = [
    { pid: shellPid, user: f.user, cmd: shell, rssKiB: 3_200 },
    { pid: shellPid + 1, user: f.user, cmd: 'ps', rssKiB: 3_600 },
  ];
  if (style === 'own') {
    return ['    PID TTY          TIME CMD', ...mine.map((p) => `${String(p.pid).padStart(7)} ?        00:00:00 ${p.cmd}`)].join('\n') + '\n';
  }
  const all = [...m.processes, ...mine.map((p) => ({ ...p, cmd: p.cmd === 'ps' ? `ps ${style === 'aux' ? 'aux' : '-ef'}` : `/bin/${p.cmd}` }))];
  if (style === 'ef') {
    return ['UID          PID    PPID  C STIME TTY          TIME CMD',
      ...all.map((p) => `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : 1).padStart(7)}  0 ${stime} ?        00:00:00 ${p.cmd}`)].join('\n') + '\n';
  }
  const start = new Date(nowMs).toISOString().slice(11, 16);
  return ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
    ...all.map((p) => {
      const mem = ((p.rssKiB * 100) / m.memKiB).toFixed(1);
      return `${p.user.padEnd(8)} ${String(p.pid).padStart(7)}  0.0 ${mem.padStart(4)} ${String(p.rssKiB * 4).padStart(6)} ${String(p.rssKiB).padStart(5)} ?        Ss   ${p.pid === shellPid || p.pid === shellPid + 1 ? start : stime}   0:00 ${p.cmd}`;
    })].join('\n') + '\n';
}

/** The primary interface's name: ens5 on Nitro instances with predictable names, eth0 on Amazon Linux 2. */
function ifaceName(f: Facts): string {
  return f.distro === 'amzn' && !f.platformVersion.startsWith('2023') ? 'eth0' : 'ens5';
}

export function ipAddrText(f: Facts, m: Machine): string {
  const ifc = ifaceName(f);
  const [a, b, c] = f.ip.split('.').map(Number);
  // A VPC default subnet is a /20: the broadcast address ends the 4096-address block.
  const bcast = `${a}.${b}.${(c! & 0xf0) | 0x0f}.255`;
  return [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host noprefixroute',
    '       valid_lft forever preferred_lft forever',
    `2: ${ifc}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc mq state UP group default qlen 1000`,
    `    link/ether ${m.mac} brd ff:ff:ff:ff:ff:ff`,
    ...(ifc === 'ens5' ? ['    altname enp0s5'] : []),
    `    inet ${f.ip}/20 metric 512 brd ${bcast} scope global dynamic ${ifc}`,
    '       valid_lft 3540sec preferred_lft 3540sec',
    `    inet6 ${linkLocal(m.mac)}/64 scope link proto kernel_ll`,
    '       valid_lft forever preferred_lft forever',
  ].join('\n') + '\n';
}

/** The EUI-64 link-local address of a MAC (fe80::...). */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0]! ^= 0x02;
  const w = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, 0xfe00 | b[3]!, (b[4]! << 8) | b[5]!];
  return `fe80::${w.map((x) => x.toString(16)).join(':')}`;
}

export function cpuinfoText(f: Facts, m: Machine): string {
  const arm = f.arch === 'arm64';
  const blocks: string[] = [];
  for (let i = 0; i < m.cpus; i++) {
    blocks.push(
      arm
        ? [`processor\t: ${i}`, 'BogoMIPS\t: 243.75', 'Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs',
          'CPU implementer\t: 0x41', 'CPU architecture: 8', 'CPU variant\t: 0x3', 'CPU part\t: 0xd0c', 'CPU revision\t: 1'].join('\n')
        : [`processor\t: ${i}`, 'vendor_id\t: GenuineIntel', 'cpu family\t: 6', 'model\t\t: 85',
          'model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz', 'stepping\t: 7', 'cpu MHz\t\t: 2499.998',
          'cache size\t: 36608 KB', 'physical id\t: 0', `siblings\t: ${m.cpus}`, `core id\t\t: ${Math.floor(i / 2)}`,
          `cpu cores\t: ${Math.max(1, m.cpus / 2)}`, 'fpu\t\t: yes', 'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid aperfmperf tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch invpcid_single pti fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid mpx avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves ida arat pku ospke',
          'bogomips\t: 4999.99', 'clflush size\t: 64', 'cache_alignment\t: 64', 'address sizes\t: 46 bits physical, 48 bits virtual', 'power management:'].join('\n'),
    );
  }
  return blocks.join('\n\n') + '\n\n';
}

export function meminfoText(m: Machine): string {
  const free = m.memKiB - m.usedKiB - m.cacheKiB;
  const row = (k: string, v: number) => `${(k + ':').padEnd(16)}${String(v).padStart(8)} kB`;
  return [row('MemTotal', m.memKiB), row('MemFree', free), row('MemAvailable', free + Math.round(m.cacheKiB * 0.8)),
    row('Buffers', 2_800), row('Cached', m.cacheKiB - 2_800), row('SwapCached', 0), row('SwapTotal', 0), row('SwapFree', 0)].join('\n') + '\n';
}

/** The /proc files scripts read, as of the script's start (Linux only). */
export function procFiles(f: Facts, m: Machine, startMs: number): Record<string, string> {
  if (f.os !== 'linux') return {};
  const up = Math.max(0, (startMs - m.bootMs) / 1000);
  return {
    '/proc/cpuinfo': cpuinfoText(f, m),
    '/proc/meminfo': meminfoText(m),
    '/proc/uptime': `${up.toFixed(2)} ${(up * m.cpus * 0.99).toFixed(2)}\n`,
    '/proc/loadavg': `${m.load.map((x) => x.toFixed(2)).join(' ')} 1/${m.processes.length + 90} ${m.processes[m.processes.length - 1]!.pid + 40}\n`,
  };
}

/** lsb_release exists on Ubuntu and Debian (Amazon Linux and RHEL images do not ship it). */
export function lsbRelease(f: Facts): { id: string; description: string; release: string; codename: string } | undefined {
  if (f.distro !== 'ubuntu' && f.distro !== 'debian') return undefined;
  const fields = new Map((f.files['/etc/os-release'] ?? '').split('\n').map((l) => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1).replace(/^"|"$/g, '')] as const;
  }));
  const get = (k: string) => fields.get(k) ?? '';
  return {
    id: f.distro === 'ubuntu' ? 'Ubuntu' : 'Debian',
    description: get('PRETTY_NAME'),
    release: f.platformVersion,
    codename: get('VERSION_CODENAME') || 'n/a',
  };
}

// ──────────────────────────────────────── Windows ────────────────────────────────────────

const mask20 = '255.255.240.0';
const gateway = (ip: string) => ip.split('.').slice(0, 2).join('.') + '.' + (Number(ip.split('.')[2]) & 0xf0) + '.1';
const dnsSuffix = (f: Facts) => (f.region === 'us-east-1' ? 'ec2.internal' : `${f.region}.compute.internal`);

export function ipconfigText(f: Facts, m: Machine, all: boolean): string {
  const lines = ['', 'Windows IP Configuration', ''];
  if (all) {
    lines.push(`   Host Name . . . . . . . . . . . . : ${f.hostname}`, '   Primary Dns Suffix  . . . . . . . : ',
      '   Node Type . . . . . . . . . . . . : Hybrid', '   IP Routing Enabled. . . . . . . . : No', '   WINS Proxy Enabled. . . . . . . . : No',
      `   DNS Suffix Search List. . . . . . : ${dnsSuffix(f)}`, '');
  }
  lines.push('', 'Ethernet adapter Ethernet:', '', `   Connection-specific DNS Suffix  . : ${dnsSuffix(f)}`);
  if (all) {
    lines.push('   Description . . . . . . . . . . . : Amazon Elastic Network Adapter',
      `   Physical Address. . . . . . . . . : ${m.mac.toUpperCase().replace(/:/g, '-')}`, '   DHCP Enabled. . . . . . . . . . . : Yes');
  }
  lines.push(`   Link-local IPv6 Address . . . . . : ${linkLocal(m.mac)}%6`, `   IPv4 Address. . . . . . . . . . . : ${f.ip}${all ? '(Preferred)' : ''}`,
    `   Subnet Mask . . . . . . . . . . . : ${mask20}`, `   Default Gateway . . . . . . . . . : ${gateway(f.ip)}`);
  if (all) lines.push(`   DNS Servers . . . . . . . . . . . : ${f.ip.split('.').slice(0, 2).join('.')}.0.2`);
  return lines.join('\r\n') + '\r\n';
}

const winEdition = (f: Facts) => f.platformName.replace(/^Microsoft /, '');
const winBuild = (f: Facts) => f.platformVersion.split('.')[2] ?? '20348';
const usDate = (ms: number) => {
  const d = new Date(ms);
  const h = d.getUTCHours() % 12 || 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}, ${h}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
};

export function systeminfoText(f: Facts, m: Machine): string {
  const mb = (k: number) => `${Math.floor(k / 1024).toLocaleString('en-US')} MB`;
  const rows: [string, string][] = [
    ['Host Name', f.hostname.toUpperCase()],
    ['OS Name', f.platformName],
    ['OS Version', `${f.platformVersion} N/A Build ${winBuild(f)}`],
    ['OS Manufacturer', 'Microsoft Corporation'],
    ['OS Configuration', 'Standalone Server'],
    ['OS Build Type', 'Multiprocessor Free'],
    ['Registered Owner', 'EC2'],
    ['Registered Organization', 'Amazon.com'],
    ['System Boot Time', usDate(m.bootMs)],
    ['System Manufacturer', 'Amazon EC2'],
    ['System Model', f.instanceType ?? 'm5.large'],
    ['System Type', f.arch === 'arm64' ? 'ARM64-based PC' : 'x64-based PC'],
    ['Processor(s)', `1 Processor(s) Installed.`],
    ['Windows Directory', 'C:\\Windows'],
    ['System Directory', 'C:\\Windows\\system32'],
    ['Time Zone', '(UTC) Coordinated Universal Time'],
    ['Total Physical Memory', mb(m.memKiB)],
    ['Available Physical Memory', mb(m.memKiB - m.usedKiB)],
    ['Domain', 'WORKGROUP'],
  ];
  return '\r\n' + rows.map(([k, v]) => `${(k + ':').padEnd(27)}${v}`).join('\r\n') + '\r\n';
}

/** Get-ComputerInfo's most used properties (the cmdlet returns ~190; scripts read these). */
export function computerInfo(f: Facts, m: Machine): Record<string, unknown> {
  return {
    WindowsProductName: winEdition(f),
    WindowsVersion: winBuild(f) === '20348' ? '2009' : '1809',
    WindowsBuildLabEx: `${winBuild(f)}.1.amd64fre.fe_release.210507-1500`,
    CsName: f.hostname.toUpperCase(),
    CsManufacturer: 'Amazon EC2',
    CsModel: f.instanceType ?? 'm5.large',
    CsNumberOfLogicalProcessors: m.cpus,
    CsTotalPhysicalMemory: m.memKiB * 1024,
    CsDomain: 'WORKGROUP',
    OsName: f.platformName,
    OsVersion: f.platformVersion,
    OsBuildNumber: winBuild(f),
    OsArchitecture: f.arch === 'arm64' ? 'ARM 64-bit Processor' : '64-bit',
    OsLastBootUpTime: usDate(m.bootMs).replace(',', ''),
    OsUptime: '',
    TimeZone: '(UTC) Coordinated Universal Time',
  };
}

/** Get-Process's default table. */
export function processTable(m: Machine, names: string[] | undefined, nl: string): { out: string; missing: string[] } {
  const wanted = names?.map((n) => n.toLowerCase());
  const rows = m.processes.filter((p) => !wanted || wanted.includes(p.cmd.toLowerCase())).sort((a, b) => a.cmd.localeCompare(b.cmd));
  const missing = (names ?? []).filter((n) => !m.processes.some((p) => p.cmd.toLowerCase() === n.toLowerCase()));
  if (!rows.length) return { out: '', missing };
  const head = ['', 'Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName', '-------  ------    -----      -----     ------     --  -- -----------'];
  const body = rows.map((p) => {
    const handles = 100 + (p.pid % 700);
    return `${String(handles).padStart(7)} ${String(8 + (p.pid % 30)).padStart(7)} ${String(Math.round(p.rssKiB * 0.8)).padStart(8)} ${String(p.rssKiB).padStart(10)} ${'0.05'.padStart(10)} ${String(p.pid).padStart(6)} ${String(p.pid === 4 ? 0 : 0).padStart(3)} ${p.cmd}`;
  });
  return { out: [...head, ...body, '', ''].join(nl), missing };
}
