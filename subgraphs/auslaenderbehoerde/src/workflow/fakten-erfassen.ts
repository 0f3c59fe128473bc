import { badUserInput, isUuid, notFound } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { lockPerson } from '../db/aufenthaltsstatus.repository.ts';
import { findPersonsByIds } from '../db/person.repository.ts';
import type { PersonRow } from '../db/tables.ts';
import { istLaendercode } from '../domain/laendercode.ts';
import { STATUS_ERFASSEN } from './permissions.ts';

export interface FaktenEingabe {
  readonly staatsangehoerigkeit?: string | null;
  readonly asylantragAm?: string | null;
  readonly asylantragZurueckgenommenAm?: string | null;
  readonly aufenthaltSeit?: string | null;
  readonly wohnpflichtErstaufnahmeBis?: string | null;
  readonly verbot60aAbs6Grund?: string | null;
  readonly agenturbezirk?: string | null;
}

/** Records the facts the labour-market rules need; a field left out stays as it is, null clears it. */
export async function aufenthaltsfaktenErfassen(
  context: Context,
  personId: string,
  eingabe: FaktenEingabe,
): Promise<void> {
  authorise(context.access.caller, STATUS_ERFASSEN, 'record residence facts');
  if (!isUuid(personId)) throw notFound('Person', personId);
  if (eingabe.staatsangehoerigkeit === null)
    throw badUserInput(
      'a person always has a nationality (XX for unknown is not accepted)',
      'fakten.staatsangehoerigkeit',
    );
  if (eingabe.staatsangehoerigkeit !== undefined && !istLaendercode(eingabe.staatsangehoerigkeit)) {
    throw badUserInput(
      `${eingabe.staatsangehoerigkeit} is no ISO 3166-1 alpha-2 country code`,
      'fakten.staatsangehoerigkeit',
    );
  }
  const changes = Object.fromEntries(Object.entries(eingabe).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) throw badUserInput('no fact to record', 'fakten');
  // Locked so that the checks below and the write see the same row.
  await context.db.transaction().execute(async (trx) => {
    if (!(await lockPerson(trx, personId))) throw notFound('Person', personId);
    const [person] = await findPersonsByIds(trx, [personId]);
    pruefeGegenGespeichertes(eingabe, person!);
    await trx.updateTable('person').set(changes).where('id', '=', personId).execute();
  });
}

function pruefeGegenGespeichertes(eingabe: FaktenEingabe, person: PersonRow): void {
  // The waiting periods count an uninterrupted stay (§ 32 Abs. 2 Nr. 5, Abs. 5 Nr. 2 BeschV): a stay before
  // the last entry ended when the person left, so it cannot be the start. The entry day is never changed here.
  if (eingabe.aufenthaltSeit && eingabe.aufenthaltSeit < person.einreiseAm) {
    throw badUserInput(
      `aufenthaltSeit lies before the entry on ${person.einreiseAm}: a stay interrupted by leaving Germany does not count`,
      'fakten.aufenthaltSeit',
    );
  }
  const antrag = eingabe.asylantragAm !== undefined ? eingabe.asylantragAm : person.asylantragAm;
  const ruecknahme =
    eingabe.asylantragZurueckgenommenAm !== undefined
      ? eingabe.asylantragZurueckgenommenAm
      : person.asylantragZurueckgenommenAm;
  if (ruecknahme !== null && (antrag === null || ruecknahme < antrag)) {
    const field =
      eingabe.asylantragZurueckgenommenAm !== undefined ? 'fakten.asylantragZurueckgenommenAm' : 'fakten.asylantragAm';
    throw badUserInput(`a withdrawal on ${ruecknahme} needs an asylum application filed on or before it`, field);
  }
}
