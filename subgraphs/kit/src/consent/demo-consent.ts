import type { Population } from '../demo/population.ts';
import { demoDeclaration } from '../demo/consent.ts';
import type { Agency } from '../identity/agencies.ts';
import { insertConsent, withdrawConsent, type DatenschutzDb } from './consent.repository.ts';

/**
 * Seeds the owner's copies of the demo declarations: the intake recorded every declaration with every
 * owner, and each copy keeps the lines where this owner is the sender. Run inside the seed's transaction.
 */
export async function seedDemoConsents(trx: DatenschutzDb, owner: Agency, population: Population): Promise<number> {
  let count = 0;
  for (const person of population.persons) {
    const declaration = demoDeclaration(person, population.referenceDate);
    if (!declaration) continue;
    await insertConsent(trx, {
      id: declaration.id,
      personId: person.id,
      signedOn: declaration.signedOn,
      validUntil: declaration.validUntil,
      grants: declaration.lines
        .filter((line) => line.from === owner)
        .flatMap((line) => line.categories.map((category) => ({ recipient: line.to, category }))),
      recordedBy: 'eingangszone-demo',
      recordedByAgency: 'agentur',
    });
    if (declaration.withdrawnOn) await withdrawConsent(trx, declaration.id, declaration.withdrawnOn, 'eingangszone-demo');
    count += 1;
  }
  return count;
}
