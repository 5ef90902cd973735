import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from './config.js';

describe('configuration: flags win over the environment, the environment over defaults', () => {
  it('defaults: 127.0.0.1:4583, real clock, info logs, the default fleet, in memory', () => {
    expect(loadConfig([], {})).toEqual({
      port: 4583,
      host: '127.0.0.1',
      clockMode: 'real',
      clockRate: 1,
      clockStart: undefined,
      idSeed: undefined,
      init: undefined,
      warnings: [],
      logLevel: 'info',
      fleet: undefined,
      dataDir: undefined,
      recover: false,
      allowHosts: [],
      corsOrigins: [],
      help: false,
    });
  });

  it('PORT and HOST from the environment; --port and --host override them', () => {
    expect(loadConfig([], { PORT: '5000', HOST: '0.0.0.0' })).toMatchObject({ port: 5000, host: '0.0.0.0' });
    expect(loadConfig(['--port', '6000', '--host', '::1'], { PORT: '5000', HOST: '0.0.0.0' })).toMatchObject({ port: 6000, host: '::1' });
  });

  it('every option has a flag and an environment variable', () => {
    const env = {
      SSM_EMULATOR_FLEET: 'f.yaml',
      SSM_EMULATOR_DATA_DIR: '/data',
      SSM_EMULATOR_CLOCK_MODE: 'scaled',
      SSM_EMULATOR_CLOCK_RATE: '120',
      SSM_EMULATOR_CLOCK_START: '2025-01-01T00:00:00Z',
      SSM_EMULATOR_SEED: 's',
      SSM_EMULATOR_LOG_LEVEL: 'warn',
    };
    expect(loadConfig([], env)).toMatchObject({
      fleet: 'f.yaml',
      dataDir: '/data',
      clockMode: 'scaled',
      clockRate: 120,
      clockStart: Date.UTC(2025, 0, 1),
      idSeed: 's',
      logLevel: 'warn',
      warnings: ['SSM_EMULATOR_SEED is deprecated: use SSM_EMULATOR_ID_SEED.'],
    });
    expect(loadConfig(['--no-fleet', '--clock-mode', 'frozen', '--log-level', 'silent'], env)).toMatchObject({ fleet: null, clockMode: 'frozen', logLevel: 'silent' });
    expect(loadConfig(['--clock-mode', 'scaled'], {})).toMatchObject({ clockRate: 60 });
    expect(loadConfig(['--help'], {}).help).toBe(true);
  });

  it('--id-seed names the seed of generated ids; --seed still works, with a deprecation warning; --init names seed data', () => {
    expect(loadConfig(['--id-seed', 'a', '--init', './seed'], {})).toMatchObject({ idSeed: 'a', init: './seed', warnings: [] });
    expect(loadConfig(['--seed', 'b'], {})).toMatchObject({ idSeed: 'b', warnings: ['--seed is deprecated: use --id-seed (the seed of generated ids; seed data is --init).'] });
    expect(loadConfig([], { SSM_EMULATOR_ID_SEED: 'c', SSM_EMULATOR_INIT: '/init' })).toMatchObject({ idSeed: 'c', init: '/init', warnings: [] });
  });

  it('refuses bad values with a message that names the option', () => {
    expect(() => loadConfig(['--port', '99999'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--port', 'x'], {})).toThrow(/--port/);
    expect(() => loadConfig(['--clock-mode', 'warp'], {})).toThrow(/--clock-mode/);
    expect(() => loadConfig(['--clock-rate', '0'], {})).toThrow(/--clock-rate/);
    expect(() => loadConfig(['--clock-start', 'yesterday'], {})).toThrow(/--clock-start/);
    expect(() => loadConfig(['--log-level', 'loud'], {})).toThrow(/--log-level/);
    expect(() => loadConfig(['--bogus'], {})).toThrow(ConfigError);
  });
});
