import { badUserInput, isIsoDate, isUuid, notFound } from '@ip/kit';
import { addDays } from '@ip/kit/calendar';
import { authorise } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import {
  closeStatusPeriod,
  findStatusverlaufByPersonIds,
  insertStatusPeriods,
  lockPerson,
} from '../db/aufenthaltsstatus.repository.ts';
import type { Aufenthaltsart, AuslaenderbehoerdeDatabase } from '../db/tables.ts';
import { STATUS_ERFASSEN } from './permissions.ts';

export interface StatusEingabe {
  readonly art: Aufenthaltsart;
  readonly rechtsgrundlage: string;
  readonly gueltigAb: string;
  readonly gueltigBis?: string | null;
  readonly nebenbestimmungen?: readonly string[] | null;
}

/**
 * Records a new residence status period inside a transaction the caller holds. A new status closes the
 * open one the day before it starts; nothing is overwritten, and periods never overlap. `argument` is the
 * mutation's argument that holds the status (`status`, `neuerStatus`), so a refusal names its full path.
 */
export async function statusErfassenIn(
  trx: Kysely<AuslaenderbehoerdeDatabase>,
  personId: string,
  eingabe: StatusEingabe,
  argument: string,
): Promise<void> {
  if (!isUuid(personId) || !(await lockPerson(trx, personId))) throw notFound('Person', personId);
  const bis = eingabe.gueltigBis ?? null;
  if (bis !== null && bis < eingabe.gueltigAb)
    throw badUserInput('gueltigBis lies before gueltigAb', `${argument}.gueltigBis`);
  if (!eingabe.rechtsgrundlage.trim())
    throw badUserInput('rechtsgrundlage names the paragraph of the document', `${argument}.rechtsgrundlage`);
  const verlauf = await findStatusverlaufByPersonIds(trx, [personId]);
  const offen = verlauf.find((period) => period.gueltigBis === null);
  for (const period of verlauf) {
    const ende = period === offen ? null : period.gueltigBis;
    const overlaps = (ende === null || eingabe.gueltigAb <= ende) && (bis === null || period.gueltigAb <= bis);
    if (overlaps && !(period === offen && period.gueltigAb < eingabe.gueltigAb)) {
      throw badUserInput(
        `the period overlaps the status from ${period.gueltigAb}${ende ? ` to ${ende}` : ''}`,
        `${argument}.gueltigAb`,
      );
    }
  }
  // A later status closes the open one; a period recorded before it (history caught up) leaves it open.
  if (offen && offen.gueltigAb < eingabe.gueltigAb)
    await closeStatusPeriod(trx, offen.id, addDays(eingabe.gueltigAb, -1));
  await insertStatusPeriods(trx, [
    {
      personId,
      art: eingabe.art,
      rechtsgrundlage: eingabe.rechtsgrundlage.trim(),
      gueltigAb: eingabe.gueltigAb,
      gueltigBis: bis,
      nebenbestimmungen: [...(eingabe.nebenbestimmungen ?? [])],
    },
  ]);
}

export async function aufenthaltsstatusErfassen(
  context: Context,
  personId: string,
  eingabe: StatusEingabe,
): Promise<void> {
  authorise(context.access.caller, STATUS_ERFASSEN, 'record residence status');
  if (!isIsoDate(eingabe.gueltigAb)) throw badUserInput('gueltigAb must be a day', 'status.gueltigAb');
  await inTransaction(context.db, (trx) => statusErfassenIn(trx, personId, eingabe, 'status'));
}
