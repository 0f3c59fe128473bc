import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, swapLogger } from '../src/logger.ts';

/** Every line written to it, as text. */
function sink(): { readonly lines: string[]; readonly stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.restoreAllMocks());

describe('log lines', () => {
  it("carry pino's own ISO time, character for character, within a second, across seconds and back in time", async () => {
    const ours = sink();
    const theirs = sink();
    const previous = swapLogger(pino({ level: 'silent' }));
    const logger = await configureLogging({ service: 'probe', level: 'info', destination: ours.stream });
    swapLogger(previous);
    // The reference: the settings configureLogging used before, with pino's isoTime.
    const reference = pino(
      {
        level: 'info',
        base: { service: 'probe' },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label: string) => ({ level: label }) },
      },
      theirs.stream,
    );
    const instants = [
      Date.UTC(2026, 11, 3, 8, 55, 42, 0),
      Date.UTC(2026, 11, 3, 8, 55, 42, 7),
      Date.UTC(2026, 11, 3, 8, 55, 42, 42),
      Date.UTC(2026, 11, 3, 8, 55, 42, 999),
      Date.UTC(2026, 11, 3, 8, 55, 43, 100),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1, 0, 0, 0, 1),
      // The clock set back (NTP): the second before is written afresh, not taken from the last line.
      Date.UTC(2026, 11, 3, 8, 55, 42, 500),
      1_000_000_000_123,
    ];
    const now = vi.spyOn(Date, 'now');
    for (const instant of instants) {
      now.mockReturnValue(instant);
      logger.info({ status: 200 }, 'request');
      reference.info({ status: 200 }, 'request');
    }
    now.mockRestore();
    await settle();
    expect(ours.lines).toHaveLength(instants.length);
    expect(ours.lines).toEqual(theirs.lines);
    expect(ours.lines[1]).toContain('"time":"2026-12-03T08:55:42.007Z"');
  });
});
