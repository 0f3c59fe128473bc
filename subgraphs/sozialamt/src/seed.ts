import type { Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { demoRandom, type Population } from '@ip/kit/demo';
import type { SozialamtDatabase } from './db/tables.ts';
import { countVorgaenge, insertVorgaenge } from './db/vorgang.repository.ts';
import { OWNER } from './policy.ts';

/**
 * The Sozialamt (AsylbLG)'s slice of the demo population: a file for about a third of the persons, opened between
 * their arrival and the reference day, the same on every run. A placeholder: replace it with whom the
 * partner really knows.
 */
export function demoVorgaenge(population: Population) {
  const numbers = new Set<string>();
  return population.persons.flatMap((person) => {
    const random = demoRandom(OWNER, 'vorgang', person.id);
    if (!random.chance(1 / 3)) return [];
    let aktenzeichen: string;
    do aktenzeichen = `SOZ-${String(random.int(0, 999_999)).padStart(6, '0')}`;
    while (numbers.has(aktenzeichen));
    numbers.add(aktenzeichen);
    const from = person.einreiseAm < population.referenceDate ? person.einreiseAm : population.referenceDate;
    return [{ personId: person.id, aktenzeichen, eroeffnetAm: random.date(from, population.referenceDate) }];
  });
}

/** Fills an empty database with the Sozialamt (AsylbLG)'s slice and its copies of the declarations, in one transaction. */
export async function seedDemoData(db: Kysely<SozialamtDatabase>, population: Population): Promise<boolean> {
  if ((await countVorgaenge(db)) > 0) return false;
  await db.transaction().execute(async (trx) => {
    await insertVorgaenge(trx, demoVorgaenge(population));
    await seedDemoConsents(datenschutzDb<SozialamtDatabase>(trx), OWNER, population);
  });
  return true;
}
