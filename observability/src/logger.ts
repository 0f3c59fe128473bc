import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * One pino logger per process, JSON lines on stdout. Fields are chosen by the code that logs, never a
 * request's variables or answers: the log must hold no personal data (names, birth dates, addresses, free
 * text), and a test sends the demo population through the person view to check it.
 */

/** The start of the current second's timestamp, `,"time":"2026-12-03T08:55:42.`, and that second in epoch ms. */
let secondPrefix = '';
let secondStart = Number.NaN;

/**
 * pino's `isoTime`, character for character, with the date written once a second: `toISOString` of a new
 * Date was a sixth of pino's time per line (0.6 of 4.3 µs warm, 9 µs with cold caches; issue 16).
 */
function isoTime(): string {
  const now = Date.now();
  const ms = now % 1000;
  if (now - ms !== secondStart) {
    secondStart = now - ms;
    secondPrefix = `,"time":"${new Date(secondStart).toISOString().slice(0, 20)}`;
  }
  return `${secondPrefix}${ms < 100 ? (ms < 10 ? '00' : '0') : ''}${ms}Z"`;
}

// Until `configureLogging` runs (a service's start does; in-process test servers and scripts never do) only
// warnings and errors are written: a line per request would bury a test report. Read from no environment,
// since nothing may read it at import time (scripts/environment-reads.ts).
let current: Logger = pino({
  level: 'warn',
  base: null,
  timestamp: isoTime,
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
    timestamp: isoTime,
    // The level as a word: an operator's query reads `level="warn"`, not `level=40`.
    formatters: { level: (label: string) => ({ level: label }) },
  };
  current = pino(settings, destination ?? batchedStdout());
  return current;
}

/** Lines are written to stdout once this many bytes are waiting, ... */
const BATCH_BYTES = 4096;
/** ... or after this many milliseconds at most, so a quiet service's lines are not held back long. */
const BATCH_MS = 1000;

/**
 * Stdout in batches: pino's default wrote each line with a syscall of its own, a tenth of the gateway's
 * CPU per request with a line per request (issue 16). Writes stay synchronous (no thread of libuv's pool
 * per write); what is still waiting is written when the process exits, on `process.exit`, a signal
 * handler's exit or an uncaught exception alike. Only a SIGKILL loses the last second's lines.
 */
function batchedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true, minLength: BATCH_BYTES, periodicFlush: BATCH_MS });
  process.once('exit', () => stream.flushSync());
  return stream;
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
