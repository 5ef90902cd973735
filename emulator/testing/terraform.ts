/**
 * Terraform against the emulator, for tests: the hashicorp/aws provider from a local filesystem
 * mirror (never the network), a project in a temporary folder whose provider block points every
 * SSM-related endpoint at the emulator, and the commands a user runs (init, apply, plan, destroy).
 *
 * The machine must have `terraform` on PATH and the provider unpacked in a filesystem mirror: the
 * folder named by TF_PROVIDER_MIRROR, or one of the usual places (/opt/tf-plugins,
 * ~/.terraform.d/plugins, /usr/share/terraform/plugins). terraformAvailability() says why not when
 * it can't run, so the suite prints the reason and skips.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

export type Availability = { ok: true; mirror: string } | { ok: false; reason: string };

export function terraformAvailability(): Availability {
  if (spawnSync('terraform', ['version'], { encoding: 'utf8' }).status !== 0) return { ok: false, reason: 'terraform is not on PATH' };
  const candidates = [process.env.TF_PROVIDER_MIRROR, '/opt/tf-plugins', join(homedir(), '.terraform.d/plugins'), '/usr/share/terraform/plugins'].filter(
    (d): d is string => !!d,
  );
  for (const dir of candidates) {
    const versions = join(dir, PROVIDER);
    if (existsSync(versions) && readdirSync(versions).length) return { ok: true, mirror: dir };
  }
  return { ok: false, reason: `no hashicorp/aws provider in a filesystem mirror (looked in ${candidates.join(', ')}; set TF_PROVIDER_MIRROR)` };
}

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TerraformProject {
  readonly dir: string;
  /** Runs terraform with these arguments in the project (no colour, no input). */
  run(args: string[]): Promise<TerraformResult>;
  /** init, then apply -auto-approve; throws with terraform's output when either fails. */
  apply(): Promise<TerraformResult>;
  /** plan -detailed-exitcode: 0 = no changes (no drift), 2 = changes, 1 = error. */
  plan(): Promise<TerraformResult>;
  destroy(): Promise<TerraformResult>;
  /** terraform output -json, as name -> value. */
  outputs(): Record<string, unknown>;
  remove(): void;
}

/** The provider block: every service the aws_ssm_* resources and their neighbours call, at the emulator. */
function providerBlock(endpoint: string, region: string): string {
  return `terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region                      = "${region}"
  access_key                  = "AKIAEMULATORTEST"
  secret_key                  = "secret"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  skip_region_validation      = true
  endpoints {
    ssm            = "${endpoint}"
    resourcegroups = "${endpoint}"
  }
}
`;
}

export function terraformProject(opts: { endpoint: string; mirror: string; files: Record<string, string>; region?: string }): TerraformProject {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-tf-'));
  writeFileSync(
    join(dir, 'cli.tfrc'),
    `provider_installation {
  filesystem_mirror {
    path    = "${opts.mirror}"
    include = ["${PROVIDER}"]
  }
  direct {
    exclude = ["${PROVIDER}"]
  }
}
`,
  );
  writeFileSync(join(dir, 'provider.tf'), providerBlock(opts.endpoint, opts.region ?? 'us-east-1'));
  for (const [name, text] of Object.entries(opts.files)) writeFileSync(join(dir, name), text);
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    TF_DATA_DIR: join(dir, '.terraform'),
  };
  // Asynchronous: the emulator answering terraform runs in this same process.
  const run = (args: string[]) =>
    new Promise<TerraformResult>((done) => {
      execFile('terraform', [...args], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  const must = async (args: string[]) => {
    const r = await run(args);
    if (r.code !== 0) throw new Error(`terraform ${args[0]} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    return r;
  };
  return {
    dir,
    run,
    async apply() {
      await must(['init', '-input=false', '-no-color']);
      return must(['apply', '-auto-approve', '-input=false', '-no-color']);
    },
    plan: () => run(['plan', '-detailed-exitcode', '-input=false', '-no-color']),
    // The plan before it has refreshed everything; skipping a second refresh saves a provider start.
    destroy: () => must(['destroy', '-auto-approve', '-refresh=false', '-input=false', '-no-color']),
    outputs() {
      // Read from the state file rather than `terraform output` (one provider start less).
      const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')) as { outputs?: Record<string, { value: unknown }> };
      return Object.fromEntries(Object.entries(state.outputs ?? {}).map(([k, v]) => [k, v.value]));
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
