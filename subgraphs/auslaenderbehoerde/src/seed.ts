import type { Kysely } from 'kysely';
import { addDays, addMonths, ageOn, demoRandom, type DemoPerson, type Population } from '@ip/kit/demo';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { insertStatusPeriods } from './db/aufenthaltsstatus.repository.ts';
import { countPersons, insertPersons } from './db/person.repository.ts';
import { insertStatusklaerung } from './db/statusklaerung.repository.ts';
import { pruefeArbeitsmarktzugang } from './domain/arbeitsmarktzugang.ts';
import { widersprueche } from './domain/widersprueche.ts';
import type { AuslaenderbehoerdeDatabase } from './db/tables.ts';
import { OWNER } from './policy.ts';

const CHUNK = 500;

/**
 * The Ausländerbehörde knows every person of the demo population: each holds a residence document it
 * issued. Its copies of the demo declarations of consent come with it. Runs only on an empty database, in one transaction, so a crash never leaves half a seed.
 */
export async function seedDemoData(db: Kysely<AuslaenderbehoerdeDatabase>, population: Population): Promise<boolean> {
  if ((await countPersons(db)) > 0) return false;
  const district = new Map(population.households.map((household) => [household.id, household.agenturbezirk]));
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
          agenturbezirk: district.get(person.haushaltId) ?? null,
          wohnpflichtErstaufnahmeBis: wohnpflichtBis(person),
          verbot60aAbs6Grund: verbotsgrund(person),
          // The demo's stays are uninterrupted since entry; nobody's earlier, interrupted stay is counted.
          aufenthaltSeit: null,
          // Recorded for adults at the asylum application; a child's schooling is not core data.
          qualifikation: ageOn(person.geburtsdatum, population.referenceDate) >= 18 ? person.qualifikation : null,
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
    for (const klaerung of demoKlaerungen(population)) await insertStatusklaerung(trx, klaerung);
  });
  return true;
}

/** § 47 Abs. 1 AsylG (from 24 Oct 2015): up to six months in the reception centre; the demo takes the longest. */
function wohnpflichtBis(person: DemoPerson): string | null {
  return person.wohnpflichtErstaufnahme ? addDays(addMonths(person.einreiseAm, 6), -1) : null;
}

function verbotsgrund(person: DemoPerson): string | null {
  const current = person.statusverlauf.at(-1)!;
  if (current.art !== 'DULDUNG' || !demoRandom(OWNER, 'verbot60a', person.id).chance(0.1)) return null;
  return 'Abschiebungshindernis selbst zu vertreten: Mitwirkung an der Passbeschaffung verweigert';
}

/**
 * Questions the Agentur and the Jobcenter asked about persons whose papers contradict the law on the
 * reference date (the seed document's example): most answered within a few working days, some still open.
 */
function demoKlaerungen(population: Population) {
  const day = population.referenceDate;
  return population.persons.flatMap((person) => {
    const current = person.statusverlauf.at(-1)!;
    const zugang = pruefeArbeitsmarktzugang(
      {
        aufenthaltsart: current.art,
        rechtsgrundlage: current.rechtsgrundlage,
        staatsangehoerigkeit: person.staatsangehoerigkeit,
        aufenthaltSeit: person.einreiseAm,
        asylantragAm: person.asylantragAm,
        wohnpflichtBis: wohnpflichtBis(person),
        verbot60aAbs6: verbotsgrund(person) !== null,
        // No job is in view: the district of a place of work is unknown (where they live does not decide).
        agenturbezirk: null,
      },
      day,
    );
    const found = widersprueche(current.nebenbestimmungen, zugang.erlaubnis);
    const random = demoRandom(OWNER, 'klaerung', person.id);
    if (found.length === 0 || !random.chance(0.6)) return [];
    const gestelltAm = addDays(day, -random.int(1, 20));
    const beantwortet = random.chance(0.6) ? addDays(gestelltAm, random.int(1, 6)) : null;
    const answered = beantwortet !== null && beantwortet <= day;
    const jobcenter = current.art === 'AUFENTHALTSERLAUBNIS' || current.art === 'NIEDERLASSUNGSERLAUBNIS';
    return [
      {
        personId: person.id,
        anliegen: 'NEBENBESTIMMUNG' as const,
        frage: `Die Nebenbestimmung "${found[0]!.nebenbestimmung}" steht der Arbeitsaufnahme entgegen. Ist sie noch aktuell?`,
        status: answered ? ('BEANTWORTET' as const) : ('OFFEN' as const),
        gestelltAm,
        gestelltVon: jobcenter ? 'jobcenter-demo' : 'agentur-demo',
        gestelltDurch: jobcenter ? 'jobcenter' : 'agentur',
        beantwortetAm: answered ? beantwortet : null,
        beantwortetVon: answered ? 'auslaenderbehoerde-demo' : null,
        antwort: answered ? 'Die Nebenbestimmung ist überholt; sie wird beim nächsten Vorsprechen geändert.' : null,
        zurueckgezogenAm: null,
      },
    ];
  });
}
