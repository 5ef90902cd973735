/**
 * One typed configuration. Every flag has an environment variable; flags win over the environment,
 * the environment over defaults.
 */
import { parseArgs } from 'node:util';
import { CLOCK_MODES, type ClockMode } from './time/clock.js';
import { LOG_LEVELS, type LogLevel } from './core/log.js';
import { parseAccessKeys } from './protocol/sigv4.js';

export interface Config {
  port: number;
  host: string;
  clockMode: ClockMode;
  clockRate: number;
  /** Epoch ms, or undefined for "now". */
  clockStart?: number;
  /** Seed for generated ids (--id-seed). */
  idSeed?: string;
  /** Seed files to load at start (--init): a file or a folder. */
  init?: string;
  /** Things the user should change (a deprecated flag): main prints them. */
  warnings: string[];
  logLevel: LogLevel;
  /** Fleet fixture file; undefined = the default fleet; null = none. */
  fleet?: string | null;
  /** A folder of patch catalogs that add to or replace the built-in ones. */
  patchCatalogs?: string;
  /** Secrets Manager fixture file (secrets loaded at start and after each reset). */
  secrets?: string;
  dataDir?: string;
  /** Start from a damaged journal with what is good up to the first bad record. */
  recover: boolean;
  /** Host names answered besides localhost and loopback addresses. */
  allowHosts: string[];
  /** Origins whose pages may call the SSM API ('*' for any). */
  corsOrigins: string[];
  /** Verify SigV4 signatures against these keys (access key id -> secret); undefined: accept any. */
  accessKeys?: Map<string, string>;
  help: boolean;
}

export const USAGE = `Usage: ssm-emulator [options]
       ssm-emulator scenario FILE.yaml|DIR [...]   run scenario stories (README: Scenarios)

  --port N             port to listen on (env PORT, default 4583; 0 picks a free port)
  --host HOST          address to bind (env HOST, default 127.0.0.1; 0.0.0.0 in Docker)
  --fleet FILE|NAME    fleet fixture to load: a path, or a shipped fleet by name (env SSM_EMULATOR_FLEET,
                       default: the shipped fleet "default")
  --no-fleet           start with no managed nodes
  --patch-catalogs DIR patch catalogs that add to or replace the built-in ones (env SSM_EMULATOR_PATCH_CATALOGS)
  --secrets FILE       Secrets Manager secrets to load at start and after each reset (env SSM_EMULATOR_SECRETS)
  --data-dir DIR       keep state in DIR across restarts (env SSM_EMULATOR_DATA_DIR; default in memory)
  --recover            with --data-dir: start from a damaged journal, keeping what is good up to the
                       first bad record (start-up refuses a damaged journal otherwise)
  --clock-mode MODE    real | scaled | frozen | auto (env SSM_EMULATOR_CLOCK_MODE, default real)
  --clock-rate N       virtual seconds per wall second in scaled mode (env SSM_EMULATOR_CLOCK_RATE, default 60)
  --clock-start ISO    the virtual time to start at (env SSM_EMULATOR_CLOCK_START, default now)
  --init PATH          seed data to load before answering: a YAML/JSON file, or a folder of them in
                       file-name order (env SSM_EMULATOR_INIT; the Docker image reads /init)
  --id-seed S          seed for generated ids: the same seed, the same ids (env SSM_EMULATOR_ID_SEED,
                       default random; --seed is its deprecated old name)
  --allow-host NAME    also answer requests addressed to NAME (repeatable; env SSM_EMULATOR_ALLOW_HOSTS,
                       comma-separated). On a loopback address only localhost names are answered
  --cors-origins LIST  origins whose web pages may call the SSM API, comma-separated, or * (env
                       SSM_EMULATOR_CORS_ORIGINS; default none)
  --verify-signatures  check SigV4 signatures against --access-keys (off by default: any signature is accepted)
  --access-keys LIST   ACCESS_KEY_ID:SECRET pairs, comma-separated (env SSM_EMULATOR_ACCESS_KEYS)
  --log-level LEVEL    debug | info | warn | error | silent (env SSM_EMULATOR_LOG_LEVEL, default info)
  --help               print this help
`;

export class ConfigError extends Error {}

/** "a, b,c" -> ['a', 'b', 'c'] */
const list = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Config {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        fleet: { type: 'string' },
        'no-fleet': { type: 'boolean' },
        'patch-catalogs': { type: 'string' },
        secrets: { type: 'string' },
        'data-dir': { type: 'string' },
        recover: { type: 'boolean' },
        'allow-host': { type: 'string', multiple: true },
        'cors-origins': { type: 'string' },
        'verify-signatures': { type: 'boolean' },
        'access-keys': { type: 'string' },
        'clock-mode': { type: 'string' },
        'clock-rate': { type: 'string' },
        'clock-start': { type: 'string' },
        seed: { type: 'string' },
        'id-seed': { type: 'string' },
        init: { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const pick = (flag: string | undefined, envName: string) => flag ?? env[envName];

  const portText = pick(parsed.port, 'PORT') ?? '4583';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0-65535, not ${portText}`);

  const clockMode = (pick(parsed['clock-mode'], 'SSM_EMULATOR_CLOCK_MODE') ?? 'real') as ClockMode;
  if (!CLOCK_MODES.includes(clockMode as ClockMode)) throw new ConfigError(`--clock-mode must be real, scaled, frozen or auto, not ${clockMode}`);

  const rateText = pick(parsed['clock-rate'], 'SSM_EMULATOR_CLOCK_RATE');
  const clockRate = rateText === undefined ? (clockMode === 'scaled' ? 60 : 1) : Number(rateText);
  if (!(clockRate > 0)) throw new ConfigError(`--clock-rate must be a number greater than 0, not ${rateText}`);

  const startText = pick(parsed['clock-start'], 'SSM_EMULATOR_CLOCK_START');
  const clockStart = startText === undefined ? undefined : Date.parse(startText);
  if (clockStart !== undefined && !Number.isFinite(clockStart)) throw new ConfigError(`--clock-start must be an ISO-8601 date-time, not ${startText}`);

  const logLevel = (pick(parsed['log-level'], 'SSM_EMULATOR_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);

  let accessKeys: Map<string, string> | undefined;
  if (parsed['verify-signatures']) {
    try {
      accessKeys = parseAccessKeys(pick(parsed['access-keys'], 'SSM_EMULATOR_ACCESS_KEYS') ?? '');
    } catch (err) {
      throw new ConfigError(`--access-keys: ${(err as Error).message}`);
    }
    if (!accessKeys.size) throw new ConfigError('--verify-signatures needs --access-keys ACCESS_KEY_ID:SECRET[,...] (or SSM_EMULATOR_ACCESS_KEYS)');
  }

  const fleet = parsed['no-fleet'] ? null : pick(parsed.fleet, 'SSM_EMULATOR_FLEET');

  // --seed read as "seed data" to newcomers; it is the id generator's seed, now --id-seed.
  const warnings: string[] = [];
  if (parsed.seed !== undefined) warnings.push('--seed is deprecated: use --id-seed (the seed of generated ids; seed data is --init).');
  if (env.SSM_EMULATOR_SEED !== undefined && env.SSM_EMULATOR_ID_SEED === undefined) warnings.push('SSM_EMULATOR_SEED is deprecated: use SSM_EMULATOR_ID_SEED.');
  const idSeed = parsed['id-seed'] ?? parsed.seed ?? env.SSM_EMULATOR_ID_SEED ?? env.SSM_EMULATOR_SEED;

  return {
    port,
    host: pick(parsed.host, 'HOST') ?? '127.0.0.1',
    clockMode,
    clockRate,
    clockStart,
    idSeed,
    init: pick(parsed.init, 'SSM_EMULATOR_INIT'),
    warnings,
    logLevel,
    fleet,
    patchCatalogs: pick(parsed['patch-catalogs'], 'SSM_EMULATOR_PATCH_CATALOGS'),
    secrets: pick(parsed.secrets, 'SSM_EMULATOR_SECRETS'),
    dataDir: pick(parsed['data-dir'], 'SSM_EMULATOR_DATA_DIR'),
    recover: parsed.recover ?? false,
    allowHosts: list(parsed['allow-host']?.join(',') ?? env.SSM_EMULATOR_ALLOW_HOSTS),
    corsOrigins: list(pick(parsed['cors-origins'], 'SSM_EMULATOR_CORS_ORIGINS')),
    ...(accessKeys && { accessKeys }),
    help: parsed.help ?? false,
  };
}
