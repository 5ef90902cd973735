/**
 * The in-memory file system a script sees: the node's simulated files (/etc/os-release, ...), the
 * caller's extra files, and whatever the script itself writes (echo x > /tmp/f; cat /tmp/f). It lives
 * for one run only; nothing here ever touches the host's disk.
 *
 * Windows paths are case-insensitive and accept / and \; Linux paths are case-sensitive.
 */
import { checkSize } from './runtime.js';

export class Vfs {
  /** key (normalized, lower-cased on Windows) -> [display path, content] */
  private files = new Map<string, [string, string]>();
  private dirs = new Map<string, string>();

  constructor(
    readonly windows: boolean,
    files: Record<string, string>,
    dirs: string[],
  ) {
    for (const d of dirs) this.addDir(this.normalize(d, this.root()));
    for (const [p, c] of Object.entries(files)) this.forceWrite(this.normalize(p, this.root()), c);
  }

  root(): string {
    return this.windows ? 'C:\\' : '/';
  }

  private key(p: string): string {
    return this.windows ? p.toLowerCase() : p;
  }

  /** Absolute, normalized form of `p` relative to `cwd`. */
  normalize(p: string, cwd: string): string {
    if (this.windows) {
      let s = p.replace(/\//g, '\\');
      let drive = 'C:';
      if (/^[A-Za-z]:/.test(s)) {
        drive = s.slice(0, 2).toUpperCase();
        s = s.slice(2);
        if (!s.startsWith('\\')) s = '\\' + s;
      } else if (!s.startsWith('\\')) {
        const base = this.normalize(cwd, 'C:\\');
        drive = base.slice(0, 2);
        s = base.slice(2) + '\\' + s;
      }
      const out: string[] = [];
      for (const seg of s.split('\\')) {
        if (seg === '' || seg === '.') continue;
        if (seg === '..') out.pop();
        else out.push(seg);
      }
      return `${drive}\\${out.join('\\')}`;
    }
    const s = p.startsWith('/') ? p : `${cwd}/${p}`;
    const out: string[] = [];
    for (const seg of s.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return '/' + out.join('/');
  }

  parent(abs: string): string {
    const sep = this.windows ? '\\' : '/';
    const i = abs.lastIndexOf(sep);
    if (this.windows) return i <= 2 ? abs.slice(0, 3) : abs.slice(0, i);
    return i <= 0 ? '/' : abs.slice(0, i);
  }

  basename(abs: string): string {
    const sep = this.windows ? '\\' : '/';
    return abs.slice(abs.lastIndexOf(sep) + 1);
  }

  private addDir(abs: string): void {
    let d = abs;
    for (;;) {
      this.dirs.set(this.key(d), d);
      const p = this.parent(d);
      if (p === d) break;
      d = p;
    }
  }

  isFile(abs: string): boolean {
    return this.files.has(this.key(abs));
  }

  isDir(abs: string): boolean {
    return this.dirs.has(this.key(abs));
  }

  exists(abs: string): boolean {
    return this.isFile(abs) || this.isDir(abs);
  }

  read(abs: string): string | undefined {
    return this.files.get(this.key(abs))?.[1];
  }

  /** Displayed (original-case) form of an existing path. */
  display(abs: string): string {
    return this.files.get(this.key(abs))?.[0] ?? this.dirs.get(this.key(abs)) ?? abs;
  }

  private forceWrite(abs: string, content: string): void {
    this.addDir(this.parent(abs));
    this.files.set(this.key(abs), [abs, content]);
  }

  /** Writes a file; fails like open(2) when the parent directory is missing or the path is a directory. */
  write(abs: string, content: string, append: boolean): 'ok' | 'nodir' | 'isdir' {
    if (this.isDir(abs)) return 'isdir';
    if (!this.isDir(this.parent(abs))) return 'nodir';
    const k = this.key(abs);
    const old = this.files.get(k);
    this.files.set(k, [old?.[0] ?? abs, checkSize(append && old ? old[1] + content : content)]);
    return 'ok';
  }

  mkdir(abs: string, parents: boolean): 'ok' | 'exists' | 'nodir' {
    if (this.exists(abs)) return parents && this.isDir(abs) ? 'ok' : 'exists';
    if (!parents && !this.isDir(this.parent(abs))) return 'nodir';
    this.addDir(abs);
    return 'ok';
  }

  remove(abs: string, recursive: boolean): 'ok' | 'missing' | 'isdir' {
    const k = this.key(abs);
    if (this.files.delete(k)) return 'ok';
    if (!this.dirs.has(k)) return 'missing';
    if (!recursive) return 'isdir';
    const sep = this.windows ? '\\' : '/';
    const prefix = k.endsWith(sep) ? k : k + sep;
    for (const key of [...this.files.keys()]) if (key.startsWith(prefix)) this.files.delete(key);
    for (const key of [...this.dirs.keys()]) if (key.startsWith(prefix) || key === k) this.dirs.delete(key);
    return 'ok';
  }

  /** Names of the entries of a directory, sorted. */
  list(abs: string): string[] {
    const k = this.key(abs);
    const sep = this.windows ? '\\' : '/';
    const prefix = k.endsWith(sep) ? k : k + sep;
    const names = new Set<string>();
    for (const [key, [disp]] of this.files) if (key.startsWith(prefix) && !key.slice(prefix.length).includes(sep)) names.add(this.basename(disp));
    for (const [key, disp] of this.dirs) if (key.startsWith(prefix) && key !== k && !key.slice(prefix.length).includes(sep)) names.add(this.basename(disp));
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
