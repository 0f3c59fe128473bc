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

/** Prometheus scrapes every 15 to 60 s; the figures are read at most once a minute, whatever the scrape rate, and are at most a minute (plus one read) old. */
const MAX_AGE_MS = 60_000;
/** The on-time rate looks back this many days. */
const ZEITRAUM_TAGE = 30;

interface Figures {
  readonly offen: readonly OffeneAntraege[];
  readonly bescheide: readonly Bescheide[];
}

/**
 * The 10-working-day promise as a live signal: open and overdue applications per Familienkasse and the
 * on-time rate of the last 30 days, from two indexed statements, cached for a minute. Names no person.
 */
export function watchSla(db: Kysely<FamilienkasseDatabase>, today: () => string = () => berlinToday()): void {
  let figures: Figures | undefined;
  let readAt = -Infinity;
  let reading: Promise<Figures | undefined> | undefined;

  // A scrape never waits for the database once figures exist: stale ones are answered while a fresh read
  // runs for the next scrape (on 1,000,000 applications the read takes longer than a scrape may).
  const current = (): Promise<Figures | undefined> => {
    if (performance.now() - readAt < MAX_AGE_MS) return Promise.resolve(figures);
    reading ??= read()
      .then((next) => {
        figures = next;
        readAt = performance.now();
        return next;
      })
      .catch((error: unknown) => {
        // A failed read leaves the gauges empty rather than stale; the scrape still answers.
        log().warn(
          { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
          'Kindergeld figures could not be read',
        );
        figures = undefined;
        return undefined;
      })
      .finally(() => (reading = undefined));
    return figures ? Promise.resolve(figures) : reading;
  };

  const read = async (): Promise<Figures> => {
    const heute = today();
    const [offen, bescheide] = await Promise.all([
      offeneAntraegeJeKasse(db, heute),
      bescheideImZeitraum(db, addDays(heute, -(ZEITRAUM_TAGE - 1)), heute),
    ]);
    return { offen, bescheide };
  };

  source = current;
}

let source: (() => Promise<Figures | undefined>) | undefined;

async function refresh(metric: Gauge<string>, fill: (figures: Figures) => void): Promise<void> {
  metric.reset();
  const figures = await source?.();
  if (figures) fill(figures);
}

gauge<'familienkasse'>({
  name: 'ip_familienkasse_open_applications',
  help: 'Kindergeld applications received and not yet decided, per Familienkasse',
  labelNames: ['familienkasse'],
  async collect() {
    await refresh(this, ({ offen }) =>
      offen.forEach((row) => this.set({ familienkasse: row.familienkasse }, row.offen)),
    );
  },
});

gauge<'familienkasse'>({
  name: 'ip_familienkasse_overdue_applications',
  help: 'Kindergeld applications not decided and past their due date (10 working days after receipt), per Familienkasse',
  labelNames: ['familienkasse'],
  async collect() {
    await refresh(this, ({ offen }) =>
      offen.forEach((row) => this.set({ familienkasse: row.familienkasse }, row.ueberfaellig)),
    );
  },
});

gauge<'paket' | 'rechtzeitig'>({
  name: 'ip_familienkasse_decisions_30d',
  help: 'Kindergeld decisions of the last 30 days, by whether the application came in a packet and whether it was decided by its due date',
  labelNames: ['paket', 'rechtzeitig'],
  async collect() {
    await refresh(this, ({ bescheide }) => {
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
  async collect() {
    await refresh(this, ({ bescheide }) => {
      const paket = bescheide.find((row) => row.mitPaket);
      const total = (paket?.rechtzeitig ?? 0) + (paket?.verspaetet ?? 0);
      // NaN, not 0, when nothing was decided: no alert on the rate fires on a quiet month.
      this.set(total > 0 ? paket!.rechtzeitig / total : Number.NaN);
    });
  },
});
