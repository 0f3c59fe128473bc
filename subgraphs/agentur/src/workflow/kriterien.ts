import { badUserInput, isUuid, notFound } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import {
  endKriterium,
  findKriteriumById,
  findKriterienByLand,
  insertKriterium,
  lockKriterien,
} from '../db/kriterium.repository.ts';
import type { BleibeperspektiveKriteriumRow } from '../db/tables.ts';
import { KRITERIEN_FESTLEGEN } from './permissions.ts';
import { refuse } from '../errors.ts';

const LAND = /^[A-Z]{2}$/;

const overlaps = (row: BleibeperspektiveKriteriumRow, gueltigAb: string) =>
  row.gueltigBis === null || row.gueltigBis >= gueltigAb;

/**
 * Agrees a nationality from a day on, which may lie in the past (agreed first, recorded later). Periods of
 * one nationality do not overlap: to change one, end it and set a new one; rows keep when they were set and
 * ended, so the history shows what the list said and since when. The same criterion again answers the stored one.
 */
export async function kriteriumFestlegen(
  context: Context,
  args: { staatsangehoerigkeit: string; gueltigAb: string; quelle: string },
): Promise<BleibeperspektiveKriteriumRow> {
  authorise(context.access.caller, KRITERIEN_FESTLEGEN, 'agree Bleibeperspektive criteria');
  const land = args.staatsangehoerigkeit.trim().toUpperCase();
  if (!LAND.test(land))
    throw badUserInput('staatsangehoerigkeit is an ISO 3166-1 alpha-2 code such as SY', 'staatsangehoerigkeit');
  if (!args.quelle.trim()) throw badUserInput('name what the agreement rests on', 'quelle');
  return inTransaction(context.db, async (trx) => {
    await lockKriterien(trx);
    const bisher = await findKriterienByLand(trx, land);
    const gleich = bisher.find((row) => row.gueltigAb === args.gueltigAb);
    if (gleich && gleich.quelle === args.quelle.trim()) return gleich;
    const konflikt = bisher.find((row) => row.gueltigAb >= args.gueltigAb || overlaps(row, args.gueltigAb));
    if (konflikt) {
      throw refuse(
        'KRITERIUM_UEBERSCHNEIDUNG',
        `${land} is already agreed from ${konflikt.gueltigAb}${konflikt.gueltigBis ? ` to ${konflikt.gueltigBis}` : ''}`,
        {
          kriteriumId: konflikt.id,
          field: 'gueltigAb',
        },
      );
    }
    return insertKriterium(trx, {
      staatsangehoerigkeit: land,
      gueltigAb: args.gueltigAb,
      quelle: args.quelle.trim(),
      festgelegtVon: context.access.caller.userId,
    });
  });
}

/** Ends a criterion after a day; ending it again on the same day answers it unchanged. */
export async function kriteriumBeenden(
  context: Context,
  args: { kriteriumId: string; gueltigBis: string },
): Promise<BleibeperspektiveKriteriumRow> {
  authorise(context.access.caller, KRITERIEN_FESTLEGEN, 'end Bleibeperspektive criteria');
  if (!isUuid(args.kriteriumId)) throw notFound('BleibeperspektiveKriterium', args.kriteriumId);
  return context.db.transaction().execute(async (trx) => {
    await lockKriterien(trx);
    const kriterium = await findKriteriumById(trx, args.kriteriumId);
    if (!kriterium) throw notFound('BleibeperspektiveKriterium', args.kriteriumId);
    if (kriterium.gueltigBis !== null) {
      if (kriterium.gueltigBis === args.gueltigBis) return kriterium;
      throw refuse('KRITERIUM_BEENDET', `the criterion already ended on ${kriterium.gueltigBis}`);
    }
    if (args.gueltigBis < kriterium.gueltigAb)
      throw badUserInput(`gueltigBis lies before the first day ${kriterium.gueltigAb}`, 'gueltigBis');
    return endKriterium(trx, kriterium.id, args.gueltigBis, context.access.caller.userId);
  });
}
