import type { Kysely } from 'kysely';
import type { Population } from '@ip/kit/demo';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { insertStatusPeriods } from './db/aufenthaltsstatus.repository.ts';
import { countPersons, insertPersons } from './db/person.repository.ts';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { OWNER } from './policy.ts';

const CHUNK = 500;

/**
 * The Ausländerbehörde knows every person of the demo population: each holds a residence document it
 * issued. Its copies of the demo declarations of consent come with it. Runs only on an empty database, in one transaction, so a crash never leaves half a seed.
 */
export async function seedDemoData(db: Kysely<AuslaenderbehoerdeDatabase>, population: Population): Promise<boolean> {
  if ((await countPersons(db)) > 0) return false;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < population.persons.length; start += CHUNK) {
      const persons = population.persons.slice(start, start + CHUNK);
      await insertPersons(
        trx,
        persons.map((person) => ({
          id: person.id,
          azrNummer: person.azrNummer,
          vorname: person.vorname,
          nachname: person.nachname,
          geschlecht: person.geschlecht,
          geburtsdatum: person.geburtsdatum,
          staatsangehoerigkeit: person.staatsangehoerigkeit,
          einreiseAm: person.einreiseAm,
          asylantragAm: person.asylantragAm,
        })),
      );
      await insertStatusPeriods(
        trx,
        persons.flatMap((person) =>
          person.statusverlauf.map((period) => ({
            personId: person.id,
            art: period.art,
            rechtsgrundlage: period.rechtsgrundlage,
            gueltigAb: period.gueltigAb,
            gueltigBis: period.gueltigBis,
            nebenbestimmungen: [...period.nebenbestimmungen],
          })),
        ),
      );
    }
    await seedDemoConsents(datenschutzDb<AuslaenderbehoerdeDatabase>(trx), OWNER, population);
  });
  return true;
}
