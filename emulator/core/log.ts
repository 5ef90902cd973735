/** Structured logs: one JSON object per line on stderr, filtered by level. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  readonly level: LogLevel;
  enabled(level: LogLevel): boolean;
  log(level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const min = rank[level];
  return {
    level,
    enabled: (l) => rank[l] >= min,
    log(l, msg, fields) {
      if (rank[l] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields }) + '\n');
    },
  };
}

export const LOG_LEVELS = Object.keys(rank) as LogLevel[];
