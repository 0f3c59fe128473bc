import type { Population } from '../demo/population.ts';
import { demoDeclaration } from '../demo/consent.ts';
import type { Agency } from '../identity/agencies.ts';
import type { DatenschutzDb } from './consent.repository.ts';

const CHUNK = 500;

/** The purpose the demo intake names on every declaration, as the common form of an Integration Point would. */
const DEMO_ZWECK =
  'Gemeinsame Beratung und Vermittlung im Integration Point (Arbeit, Leistungen, Aufenthalt, Kindergeld)';

/**
 * Seeds the owner's copies of the demo declarations: the intake recorded every declaration with every
 * owner, and each copy keeps the lines where this owner is the sender. Run inside the seed's transaction.
 */
export async function seedDemoConsents(trx: DatenschutzDb, owner: Agency, population: Population): Promise<number> {
  const declarations = population.persons.flatMap((person) => demoDeclaration(person, population.referenceDate) ?? []);
  const rows = declarations.map((declaration) => ({
    id: declaration.id,
    personId: declaration.personId,
    unterschriebenAm: declaration.signedOn,
    gueltigBis: declaration.validUntil,
    widerrufenAm: declaration.withdrawnOn,
    erfasstVon: 'eingangszone-demo',
    erfasstDurch: 'agentur' as const,
    widerrufErfasstVon: declaration.withdrawnOn ? 'eingangszone-demo' : null,
    zweck: DEMO_ZWECK,
    verweigerungsfolgenErklaert: true,
  }));
  const grants = declarations.flatMap((declaration) =>
    declaration.lines
      .filter((line) => line.from === owner)
      .flatMap((line) =>
        line.categories.map((kategorie) => ({ einwilligungId: declaration.id, empfaenger: line.to, kategorie })),
      ),
  );
  for (let start = 0; start < rows.length; start += CHUNK)
    await trx
      .insertInto('einwilligung')
      .values(rows.slice(start, start + CHUNK))
      .execute();
  for (let start = 0; start < grants.length; start += CHUNK) {
    await trx
      .insertInto('einwilligungFreigabe')
      .values(grants.slice(start, start + CHUNK))
      .execute();
  }
  return declarations.length;
}
