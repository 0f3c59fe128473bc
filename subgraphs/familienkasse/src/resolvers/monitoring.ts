import { badUserInput, pageRequest, toConnection, type Connection, type IsoDate } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import {
  countOverdue,
  isOverdueKey,
  listOverdue,
  overdueKey,
  slaReport,
  type Gruppierung,
  type Kennzahlen,
} from '../db/sla.repository.ts';
import type { KindergeldAntragRow } from '../db/tables.ts';
import { addDays } from '@ip/kit/calendar';
import { BERICHT_SEHEN, UEBERFAELLIGE_SEHEN } from '../workflow/permissions.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';

/** Longest report period: three years of receipts keep the report within its time budget. */
const MAX_BERICHT_TAGE = 3 * 366;

function familienkasseFilter(familienkasse: string | null | undefined): string | null {
  if (familienkasse == null) return null;
  if (!/^\d{3}$/.test(familienkasse))
    throw badUserInput('familienkasse must be the 3-digit number of a Familienkasse', 'familienkasse');
  return familienkasse;
}

function kennzahlen(row: Kennzahlen | undefined) {
  const beschieden = row?.beschieden ?? 0;
  return {
    eingegangen: row?.eingegangen ?? 0,
    beschieden,
    eingehalten: row?.eingehalten ?? 0,
    verfehlt: row?.verfehlt ?? 0,
    offen: row?.offen ?? 0,
    ueberfaellig: row?.ueberfaellig ?? 0,
    quoteEingehalten: beschieden > 0 ? (row?.eingehalten ?? 0) / beschieden : null,
    medianArbeitstage: row?.medianArbeitstage ?? null,
    p90Arbeitstage: row?.p90Arbeitstage ?? null,
  };
}

function periodEnd(beginn: IsoDate, gruppierung: Gruppierung): IsoDate {
  if (gruppierung === 'WOCHE') return addDays(beginn, 6);
  const [year, month] = [Number(beginn.slice(0, 4)), Number(beginn.slice(5, 7))];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export const Query = {
  async ueberfaelligeKindergeldantraege(
    _: unknown,
    args: { stichtag?: IsoDate | null; familienkasse?: string | null; first?: number | null; after?: string | null },
    context: Context,
  ): Promise<Connection<KindergeldAntragRow>> {
    authorise(context.access.caller, UEBERFAELLIGE_SEHEN, 'see the overdue applications');
    const stichtag = args.stichtag ?? context.today;
    const familienkasse = familienkasseFilter(args.familienkasse);
    const page = pageRequest(args.first, args.after);
    if (page.afterKey !== null && !isOverdueKey(page.afterKey))
      throw badUserInput('after is not a cursor of this connection', 'after');
    const [rows, total] = await Promise.all([
      listOverdue(context.db, stichtag, familienkasse, page),
      countOverdue(context.db, stichtag, familienkasse),
    ]);
    return toConnection(rows, page, overdueKey, total);
  },

  async kindergeldSlaBericht(
    _: unknown,
    args: {
      von: IsoDate;
      bis: IsoDate;
      familienkasse?: string | null;
      gruppierung?: Gruppierung | null;
      stichtag?: IsoDate | null;
    },
    context: Context,
  ) {
    authorise(context.access.caller, BERICHT_SEHEN, 'see the Kindergeld SLA report');
    if (args.bis < args.von) throw badUserInput('bis lies before von', 'bis');
    if (addDays(args.von, MAX_BERICHT_TAGE) < args.bis)
      throw badUserInput('a report covers at most three years', 'bis');
    const gruppierung = args.gruppierung ?? 'MONAT';
    const stichtag = args.stichtag ?? context.today;
    const familienkasse = familienkasseFilter(args.familienkasse);
    const alle = await slaReport(context.db, { von: args.von, bis: args.bis, stichtag, familienkasse, gruppierung });
    // The 10-working-day promise is made for applications in a packet's return envelope only.
    const rows = alle.filter((row) => row.mitPaket);
    return {
      von: args.von,
      bis: args.bis,
      stichtag,
      familienkasse,
      gesamt: kennzahlen(rows.find((row) => row.beginn === null)),
      ohnePaket: kennzahlen(alle.find((row) => row.beginn === null && !row.mitPaket)),
      zeitraeume: rows
        .filter((row): row is Kennzahlen & { beginn: string } => row.beginn !== null)
        .map((row) => ({
          beginn: row.beginn < args.von ? args.von : row.beginn,
          ende: periodEnd(row.beginn, gruppierung) > args.bis ? args.bis : periodEnd(row.beginn, gruppierung),
          kennzahlen: kennzahlen(row),
        })),
    };
  },
} satisfies QueryResolvers;
