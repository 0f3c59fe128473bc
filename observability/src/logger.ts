import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * One pino logger per process, JSON lines on stdout. Fields are chosen by the code that logs, never a
 * request's variables or answers: the log must hold no personal data (names, birth dates, addresses, free
 * text), and a test sends the demo population through the person view to check it.
 */
// Until `configureLogging` runs (a service's start does; in-process test servers and scripts never do) only
// warnings and errors are written: a line per request would bury a test report. Read from no environment,
// since nothing may read it at import time (scripts/environment-reads.ts).
let current: Logger = pino({
  level: 'warn',
  base: null,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** The process's logger. A function, not a constant, so that `configureLogging` can replace it at start. */
export function log(): Logger {
  return current;
}

/** Puts `logger` in place and answers the one it replaced (a test's capture puts the previous one back). */
export function swapLogger(logger: Logger): Logger {
  const previous = current;
  current = logger;
  return previous;
}

export interface LoggingOptions {
  /** The service's name on every line (`gateway`, `familienkasse`, ...). */
  readonly service: string;
  readonly level: string;
  /** Readable lines for a terminal; needs pino-pretty, which production installs leave out. */
  readonly pretty?: boolean;
  /** Where lines go instead of stdout (tests). */
  readonly destination?: DestinationStream;
}

export async function configureLogging(options: LoggingOptions): Promise<Logger> {
  const destination = options.destination ?? (options.pretty ? await prettyStream() : undefined);
  const settings = {
    level: options.level,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The level as a word: an operator's query reads `level="warn"`, not `level=40`.
    formatters: { level: (label: string) => ({ level: label }) },
  };
  // Without a destination pino writes to stdout synchronously: a line is out before a crash or an exit.
  current = destination ? pino(settings, destination) : pino(settings);
  return current;
}

/** pino-pretty if installed (a development dependency); otherwise JSON, as in production. */
async function prettyStream(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

export type { Logger } from 'pino';
