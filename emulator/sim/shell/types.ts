/**
 * Public types of the simulated shell (see index.ts for the API and docs/shell.md for the user view).
 *
 * NodeFacts uses the member names of SSM's InstanceInformation (InstanceId, ComputerName,
 * PlatformType, ...) so that the Run Command engine can pass a fleet record through unchanged; the
 * few members that InstanceInformation does not carry (Architecture, KernelVersion, User,
 * PowerShellVersion) are optional and have per-platform defaults.
 */

import type { FactChange, PackageFact, ServiceFact } from './system.js';

export type Dialect = 'sh' | 'powershell';

export interface NodeFacts {
  /** i-0123456789abcdef0 or mi-0123456789abcdef0. */
  InstanceId: string;
  /** The host name as SSM reports it (ip-172-31-1-2.ec2.internal, EC2AMAZ-ABC1234). */
  ComputerName?: string;
  PlatformType?: 'Linux' | 'Windows' | 'MacOS';
  /** As SSM reports it: "Amazon Linux", "Ubuntu", "Red Hat Enterprise Linux",
   *  "Microsoft Windows Server 2022 Datacenter", ... */
  PlatformName?: string;
  /** "2023", "2", "22.04", "9.4", "10.0.20348", ... */
  PlatformVersion?: string;
  IPAddress?: string;
  AgentVersion?: string;
  /** The node's region (AWS_SSM_REGION_NAME). */
  Region?: string;
  /** x86_64 (default) or arm64 (uname -m answers aarch64 for it). */
  Architecture?: 'x86_64' | 'arm64';
  /** uname -r; a plausible kernel for the platform by default. */
  KernelVersion?: string;
  /** The user the agent runs commands as: root on Linux and macOS, "nt authority\system" on Windows. */
  User?: string;
  /** The EC2 instance type (vCPUs and memory that nproc, free, /proc/cpuinfo and systeminfo report). */
  InstanceType?: string;
  /** Epoch seconds the node booted (uptime); absent: 1 to 72 hours before the script, by a hash of the id. */
  LaunchTime?: number;
  /** $PSVersionTable.PSVersion: 5.1.<build>.<rev> on Windows, 7.4.6 (pwsh) elsewhere by default. */
  PowerShellVersion?: string;
  /** The node's services (the fleet record's Services): what systemctl / Get-Service see. Read only. */
  Services?: readonly ServiceFact[];
  /** The node's installed packages (the fleet record's Applications): what rpm -q / dpkg -s / Get-Package see. Read only. */
  Applications?: readonly PackageFact[];
}

export interface RunScriptInput {
  dialect: Dialect;
  /** The script text. An array is joined as the agent writes runCommand into _script.sh / _script.ps1:
   *  lines joined with "\n" plus a final "\n". */
  script: string | string[];
  node: NodeFacts;
  /** Virtual start time, epoch milliseconds: date / Get-Date answer from it. */
  startTime: number;
  /** Extra environment variables (document-level or test-provided); they override the defaults. */
  env?: Record<string, string>;
  /** The plugin's workingDirectory; empty or absent means the agent's own (/usr/bin, C:\Windows\system32). */
  workingDirectory?: string;
  /** Extra simulated files (absolute path -> content); they override the built-in ones. */
  files?: Record<string, string>;
  /** Virtual milliseconds each simple command costs (default 10). */
  commandCostMs?: number;
  /** Path of the script as the agent writes it; used in error messages and $0. */
  scriptPath?: string;
  /** Stop the script when virtual time passes this many ms (the plugin's executionTimeout).
   *  Default 172,800,000 (48 h, the largest executionTimeout AWS-RunShellScript accepts). */
  timeoutMs?: number;
  /** Largest number of statements the interpreter runs before it stops the script (default 100,000). */
  maxSteps?: number;
  /** Simulated external programs: a command whose line (its words joined by spaces, after
   *  expansion) matches `Match` answers Stdout/Stderr/ExitCode and takes DurationSeconds of virtual
   *  time, instead of the built-in simulation or "command not found". First match wins. The shape is
   *  the fleet fixture's Behaviors entry, so the engine can pass a node's behaviours through. */
  commandStubs?: CommandStub[];
  /** Standard error goes into stdout, in write order, as both reach one pipe or terminal (stderr is then ""). */
  mergeStreams?: boolean;
}

export interface CommandStub {
  /** A regular expression in JavaScript's syntax, run by core/regex.ts (linear time; no lookaheads or back-references). */
  Match: string;
  Stdout?: string;
  Stderr?: string;
  ExitCode?: number;
  DurationSeconds?: number;
}

export interface RunScriptResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Virtual duration: commandCostMs per command plus sleeps, never more than timeoutMs. */
  durationMs: number;
  /** The script ran past timeoutMs and was stopped there (output is what it wrote until then;
   *  exitCode is the agent's "stopped preemptively" code: 137 on Linux/macOS, -1 on Windows). */
  timedOut?: boolean;
  /** The emulator stopped the script: step limit or output/memory guard (stderr says which). */
  aborted?: 'step-limit' | 'output-limit';
  /**
   * What the script changed on its node (services started or stopped, packages installed or
   * removed), in order; absent when nothing changed. The caller applies them when the step
   * completes (see system.ts).
   */
  changes?: FactChange[];
}
