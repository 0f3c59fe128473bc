import type { Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import type { Population } from '@ip/kit/demo';
import { countZeitraeume, insertZeitraeume } from './db/leistungszeitraum.repository.ts';
import type { SozialamtDatabase } from './db/tables.ts';
import { demoLeistungszeitraeume } from './demo-faelle.ts';
import { OWNER } from './policy.ts';

/** Fills an empty database with the Sozialamt's slice of the demo population and the consents it holds. */
export async function seedDemoData(db: Kysely<SozialamtDatabase>, population: Population): Promise<boolean> {
  if ((await countZeitraeume(db)) > 0) return false;
  await db.transaction().execute(async (trx) => {
    await insertZeitraeume(trx, demoLeistungszeitraeume(population));
    await seedDemoConsents(datenschutzDb<SozialamtDatabase>(trx), OWNER, population);
  });
  return true;
}
