import type { Facts } from '../facts.js';
import type { Runtime } from '../runtime.js';
import type { Vfs } from '../vfs.js';
import type { CommandStub } from '../types.js';

export interface PsRun {
  script: string;
  facts: Facts;
  rt: Runtime;
  vfs: Vfs;
  env: Record<string, string>;
  cwd: string;
  scriptPath: string;
  stubs: CommandStub[];
}

export function runPowerShell(_o: PsRun): number {
  return 0;
}
