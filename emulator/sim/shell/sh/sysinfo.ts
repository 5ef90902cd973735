/**
 * The system-information utilities of the sh dialect, answered from the node's machine
 * (../machine.ts): uptime, df, free, ps, ip, lsb_release, wget (the instance metadata service only;
 * the simulation has no network). Option handling covers what examples and health checks use;
 * an option a utility does not know is refused with the utility's usage error.
 */
import { dfText, freeText, ipAddrText, lsbRelease, psText, uptimeText } from '../machine.js';
import { getopts, imds } from './commands.js';
import type { IO, Sh, ShState } from './interp.js';

type Impl = (sh: Sh, argv: string[], st: ShState, io: IO) => number;

const uptime: Impl = (sh, argv, _st, io) => {
  const { flags } = getopts(argv.slice(1));
  const mode = flags.has('p') || flags.has('--pretty') ? 'pretty' : flags.has('s') || flags.has('--since') ? 'since' : 'default';
  io.out.write(uptimeText(sh.machine, sh.rt.now(), mode));
  return 0;
};

const df: Impl = (sh, argv, _st, io) => {
  const { flags, rest } = getopts(argv.slice(1));
  const r = dfText(sh.facts, sh.machine, { human: flags.has('h') || flags.has('H') || flags.has('--human-readable'), paths: rest });
  io.out.write(r.out);
  io.err.write(r.err);
  return r.code;
};

const free: Impl = (sh, argv, _st, io) => {
  const { flags } = getopts(argv.slice(1));
  const unit = flags.has('h') || flags.has('--human') ? 'h' : flags.has('m') || flags.has('--mebi') ? 'm' : flags.has('g') || flags.has('--gibi') ? 'g' : flags.has('b') || flags.has('--bytes') ? 'b' : 'k';
  io.out.write(freeText(sh.machine, unit));
  return 0;
};

const ps: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1).join(' ');
  // BSD syntax (ps aux, ps ax) and the standard -e / -A / -ef list every process.
  const style = /(^|\s)a?u?x/.test(args) && !args.startsWith('-') ? 'aux' : /(^|\s)-\w*[eA]/.test(args) ? 'ef' : 'own';
  io.out.write(psText(sh.facts, sh.machine, sh.rt.now(), sh.pid, 'sh', style));
  return 0;
};

const ip: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1).filter((a) => !/^-[46]$|^-br?$|^-c(olor)?$/.test(a));
  const obj = args[0] ?? '';
  if (obj === '' || obj === 'help') {
    io.err.write('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | route | ... }\n');
    return obj === '' ? 255 : 0;
  }
  if ('address'.startsWith(obj) || obj === 'addr') {
    io.out.write(ipAddrText(sh.facts, sh.machine));
    return 0;
  }
  if ('route'.startsWith(obj)) {
    const [a, b, c] = sh.facts.ip.split('.').map(Number);
    const net = `${a}.${b}.${c! & 0xf0}`;
    const dev = sh.facts.distro === 'amzn' && !sh.facts.platformVersion.startsWith('2023') ? 'eth0' : 'ens5';
    io.out.write(`default via ${net}.1 dev ${dev} proto dhcp src ${sh.facts.ip} metric 512 \n${net}.0/20 dev ${dev} proto kernel scope link src ${sh.facts.ip} metric 512 \n`);
    return 0;
  }
  io.err.write(`Object "${obj}" is unknown, try "ip help".\n`);
  return 1;
};

const lsb_release: Impl = (sh, argv, st, io) => {
  const info = lsbRelease(sh.facts);
  if (!info) {
    // Amazon Linux and RHEL images do not ship lsb_release: the shell's own "not found".
    return sh.notFound(argv[0]!, st, io);
  }
  const { flags } = getopts(argv.slice(1));
  const all = flags.has('a') || flags.has('--all');
  const short = flags.has('s') || flags.has('--short');
  const rows: [string, string, string][] = [
    ['i', 'Distributor ID', info.id],
    ['d', 'Description', info.description],
    ['r', 'Release', info.release],
    ['c', 'Codename', info.codename],
  ];
  io.err.write('No LSB modules are available.\n');
  const picked = rows.filter(([f]) => all || flags.has(f));
  if (!picked.length) return 0;
  io.out.write(picked.map(([, k, v]) => (short ? v : `${k}:\t${v}`)).join('\n') + '\n');
  return 0;
};

/** wget: the instance metadata service answers; any other host cannot be resolved (no network). */
const wget: Impl = (sh, argv, st, io) => {
  const args = argv.slice(1);
  let quiet = false;
  let toStdout = false;
  let url: string | undefined;
  const headers: string[] = [];
  let method = 'GET';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-O' || a === '--output-document') toStdout = args[++i] === '-';
    else if (a.startsWith('--output-document=')) toStdout = a.endsWith('=-');
    else if (a.startsWith('--header=')) headers.push(a.slice(9));
    else if (a === '--header') headers.push(args[++i] ?? '');
    else if (a.startsWith('--method=')) method = a.slice(9).toUpperCase();
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (/^-[qO]+-?$/.test(a)) {
      quiet ||= a.includes('q');
      if (a.endsWith('O')) toStdout = args[++i] === '-';
      else if (a.endsWith('O-')) toStdout = true;
    } else if (a === '-T' || a === '--timeout' || a === '-t' || a === '--tries') i++;
    else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    io.err.write('wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help\' for more options.\n');
    return 1;
  }
  const m = /^(?:https?:\/\/)?([^/:]+)(?::\d+)?(\/.*)?$/.exec(url);
  const host = m?.[1] ?? url;
  if (host !== '169.254.169.254' || !sh.facts.instanceId.startsWith('i-')) {
    if (!quiet) io.err.write(`--${new Date(sh.rt.now()).toISOString().slice(0, 19).replace('T', ' ')}--  ${url}\nResolving ${host} (${host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${host}’\n`);
    return 4;
  }
  const answer = imds(sh, method, m?.[2] ?? '/');
  if (answer.status !== 200) {
    if (!quiet) io.err.write(`ERROR ${answer.status}: ${answer.status === 404 ? 'Not Found' : 'Method Not Allowed'}.\n`);
    return 8;
  }
  if (toStdout) io.out.write(answer.body);
  else {
    const name = (m?.[2] ?? '/').split('/').pop() || 'index.html';
    sh.vfs.write(sh.vfs.normalize(name, st.cwd), answer.body, false);
  }
  return 0;
};

export const SYSTEM_INFO: Record<string, Impl> = { uptime, df, free, ps, ip, lsb_release, wget };
