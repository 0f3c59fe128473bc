import { addDays } from '@ip/kit/calendar';
import { berlinToday } from '@ip/kit/consent';
import { gauge, log, type Gauge } from '@ip/observability';
import type { Kysely } from 'kysely';
import {
  bescheideImZeitraum,
  offeneAntraegeJeKasse,
  type Bescheide,
  type OffeneAntraege,
} from './db/sla.repository.ts';
import type { FamilienkasseDatabase } from './db/tables.ts';

/**
 * Prometheus scrapes every 15 to 60 s: the figures are read every 30 s in the background, whatever the
 * scrape rate, so they are at most half a minute (plus one read) old.
 */
const REFRESH_MS = 30_000;
/** The on-time rate looks back this many days. */
const ZEITRAUM_TAGE = 30;

interface Figures {
  readonly offen: readonly OffeneAntraege[];
  readonly bescheide: readonly Bescheide[];
}

export interface SlaWatch {
  /** Settles when the first read has ended, with figures or without. */
  readonly firstRead: Promise<void>;
  /** Ends the reads; the gauges go empty if this watch is the one they show. */
  stop(): void;
}

/** The watch the gauges show: the last started (one Familienkasse per process, but tests start several). */
let shown: { figures: Figures | undefined } | undefined;

/**
 * The 10-working-day promise as a live signal: open and overdue applications per Familienkasse and the
 * on-time rate of the last 30 days, from two index-only statements, read when the service starts and every
 * 30 s after. A scrape only copies the last figures and never waits for the database (on 1,000,000
 * applications a read takes longer than a scrape may); before the first read has ended (the server awaits it
 * before it listens) and after a failed one the four gauges are absent. Names no person.
 */
export function watchSla(db: Kysely<FamilienkasseDatabase>, today: () => string = () => berlinToday()): SlaWatch {
  const state: { figures: Figures | undefined } = { figures: undefined };
  shown = state;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const read = async (): Promise<void> => {
    try {
      const heute = today();
      const [offen, bescheide] = await Promise.all([
        offeneAntraegeJeKasse(db, heute),
        bescheideImZeitraum(db, addDays(heute, -(ZEITRAUM_TAGE - 1)), heute),
      ]);
      if (!stopped) state.figures = { offen, bescheide };
    } catch (error: unknown) {
      if (stopped) return;
      // A failed read leaves the gauges empty rather than stale; the scrape still answers.
      log().warn(
        { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
        'Kindergeld figures could not be read',
      );
      state.figures = undefined;
    }
    // The next read is timed from the end of this one: a slow database never has two reads at once.
    if (!stopped) timer = setTimeout(() => void read(), REFRESH_MS).unref();
  };

  return {
    firstRead: read(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (shown === state) shown = undefined;
    },
  };
}

/** Fills a gauge from the last figures, or leaves it empty; never reads the database. */
function fill(metric: Gauge<string>, from: (figures: Figures) => void): void {
  metric.reset();
  if (shown?.figures) from(shown.figures);
}

gauge<'familienkasse'>({
  name: 'ip_familienkasse_open_applications',
  help: 'Kindergeld applications received and not yet decided, per Familienkasse',
  labelNames: ['familienkasse'],
  collect() {
    fill(this, ({ offen }) => offen.forEach((row) => this.set({ familienkasse: row.familienkasse }, row.offen)));
  },
});

gauge<'familienkasse'>({
  name: 'ip_familienkasse_overdue_applications',
  help: 'Kindergeld applications not decided and past their due date (10 working days after receipt), per Familienkasse',
  labelNames: ['familienkasse'],
  collect() {
    fill(this, ({ offen }) => offen.forEach((row) => this.set({ familienkasse: row.familienkasse }, row.ueberfaellig)));
  },
});

gauge<'paket' | 'rechtzeitig'>({
  name: 'ip_familienkasse_decisions_30d',
  help: 'Kindergeld decisions of the last 30 days, by whether the application came in a packet and whether it was decided by its due date',
  labelNames: ['paket', 'rechtzeitig'],
  collect() {
    fill(this, ({ bescheide }) => {
      for (const row of bescheide) {
        this.set({ paket: String(row.mitPaket), rechtzeitig: 'true' }, row.rechtzeitig);
        this.set({ paket: String(row.mitPaket), rechtzeitig: 'false' }, row.verspaetet);
      }
    });
  },
});

gauge({
  name: 'ip_familienkasse_on_time_ratio_30d',
  help: 'Share of packet applications decided in the last 30 days that were decided within 10 working days (the promise); NaN without decisions',
  collect() {
    fill(this, ({ bescheide }) => {
      const paket = bescheide.find((row) => row.mitPaket);
      const total = (paket?.rechtzeitig ?? 0) + (paket?.verspaetet ?? 0);
      // NaN, not 0, when nothing was decided: no alert on the rate fires on a quiet month.
      this.set(total > 0 ? paket!.rechtzeitig / total : Number.NaN);
    });
  },
});
