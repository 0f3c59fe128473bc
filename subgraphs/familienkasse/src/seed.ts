import type { Kysely } from 'kysely';
import type { Arbeitskalender } from '@ip/kit/calendar';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import {
  addDays,
  ageOn,
  demoRandom,
  personById,
  type DemoHousehold,
  type DemoPerson,
  type Population,
} from '@ip/kit/demo';
import { insertAntragspaket, matrixCodeKey } from './db/antragspaket.repository.ts';
import { countAntraege, insertAntrag } from './db/kindergeld.repository.ts';
import { pruefeBerechtigung, type Titelart } from './domain/berechtigung.ts';
import { kindergeldsatz } from './domain/kindergeldsatz.ts';
import { newMatrixCode } from './domain/matrixcode.ts';
import { steuerIdPruefziffer } from './domain/steuer-id.ts';
import { faelligAm } from './domain/sla.ts';
import type { FamilienkasseDatabase } from './db/tables.ts';
import { OWNER } from './policy.ts';
import { DEMO_FAMILIENKASSEN, type DemoApplication } from './seed-application.ts';
import { regionalApplications } from './seed-region.ts';

/** The statutory monthly Kindergeld for the first `children` children in the month of `monat` (§ 66 Abs. 1 EStG). */
export function demoMonatsbetrag(monat: string, children: number): number {
  let total = 0;
  for (let order = 1; order <= children; order += 1) {
    const satz = kindergeldsatz(monat, order);
    if ('fehler' in satz) throw new RangeError(`no Kindergeld amount recorded for ${monat}`);
    total += satz.betrag;
  }
  return total;
}

/** A valid-looking tax id for a demo person, the same on every run: ten digits from its id and the check digit. */
export function demoSteuerId(personId: string): string {
  const random = demoRandom(OWNER, 'steuerId', personId);
  const zehnStellen = `${random.int(1, 9)}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  return `${zehnStellen}${steuerIdPruefziffer(zehnStellen)}`;
}

const TITLES = new Set(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']);

/**
 * What the Familienkasse would know of the demo population: recognised families with children (§ 62 Abs. 2
 * EStG entitles them) that applied, and a few families in the asylum procedure or with a Duldung that applied
 * anyway and were refused. Everybody else of the population is unknown to it.
 */
function applications(population: Population, kalender: Arbeitskalender): DemoApplication[] {
  const persons = personById(population);
  const result: DemoApplication[] = [];
  for (const household of population.households) {
    const application = applicationOf(household, persons, population.referenceDate, kalender);
    if (application) result.push(application);
  }
  return result;
}

function applicationOf(
  household: DemoHousehold,
  persons: ReadonlyMap<string, DemoPerson>,
  referenceDate: string,
  kalender: Arbeitskalender,
): DemoApplication | null {
  const members = household.memberIds.map((id) => persons.get(id)!);
  const head = members[0]!;
  const children = members
    .filter((member) => member.rolle === 'KIND' && ageOn(member.geburtsdatum, referenceDate) < 18)
    .sort((a, b) => (a.geburtsdatum < b.geburtsdatum ? -1 : a.geburtsdatum > b.geburtsdatum ? 1 : 0))
    .map(({ id, vorname, nachname, geburtsdatum }) => ({ key: id, personId: id, vorname, nachname, geburtsdatum }));
  if (children.length === 0) return null;
  const random = demoRandom(OWNER, household.id);
  const current = head.statusverlauf.at(-1)!;
  const familienkasse = random.pick(DEMO_FAMILIENKASSEN);
  if (TITLES.has(current.art)) {
    if (!random.chance(0.85)) return null;
    const eingangAm = addDays(head.anerkanntAm ?? current.gueltigAb, random.int(7, 45));
    if (eingangAm > referenceDate) return null;
    // Most decisions keep the 10-working-day promise; some do not.
    const decidedOn = kalender.nachArbeitstagen(eingangAm, random.int(3, 16));
    const bescheid =
      decidedOn > referenceDate
        ? null
        : random.chance(0.03)
          ? {
              am: decidedOn,
              ergebnis: 'ABGELEHNT' as const,
              grund: 'Kinder leben nicht im Haushalt der antragstellenden Person',
            }
          : { am: decidedOn, ergebnis: 'BEWILLIGT' as const, grund: null };
    const titel = { art: current.art, rechtsgrundlage: current.rechtsgrundlage, gueltigAb: current.gueltigAb };
    return {
      applicantId: head.id,
      children,
      titel,
      familienkasse,
      eingangAm,
      bescheid,
      paketAusgegebenAm: addDays(eingangAm, -random.int(2, 6)),
    };
  }
  if (!random.chance(0.05)) return null;
  const eingangAm = addDays(current.gueltigAb, random.int(3, 30));
  if (addDays(eingangAm, 10) > referenceDate) return null;
  const titel = current.art === 'DULDUNG' ? 'Duldung' : 'Aufenthaltsgestattung';
  return {
    applicantId: head.id,
    children,
    titel: null,
    familienkasse,
    eingangAm,
    bescheid: {
      am: addDays(eingangAm, random.int(5, 10)),
      ergebnis: 'ABGELEHNT',
      grund: `Kein Anspruch nach § 62 Abs. 2 EStG: ${titel}`,
    },
    paketAusgegebenAm: null,
  };
}

/** Fills an empty database with the Familienkasse's slice of the population and its region's flow, in one transaction. */
export async function seedDemoData(
  db: Kysely<FamilienkasseDatabase>,
  population: Population,
  kalender: Arbeitskalender,
): Promise<boolean> {
  if ((await countAntraege(db)) > 0) return false;
  const numbers = new Set<string>();
  await db.transaction().execute(async (trx) => {
    const key = await matrixCodeKey(trx);
    const all = [
      ...applications(population, kalender),
      ...regionalApplications(population.households.length, population.referenceDate, kalender),
    ];
    for (const application of all) {
      const random = demoRandom(OWNER, 'kindergeldnummer', application.applicantId);
      let kindergeldnummer: string;
      do kindergeldnummer = `${application.familienkasse}FK${String(random.int(0, 999_999)).padStart(6, '0')}`;
      while (numbers.has(kindergeldnummer));
      numbers.add(kindergeldnummer);
      const titel = application.bescheid?.ergebnis === 'BEWILLIGT' ? application.titel : null;
      // Kindergeld is due from the month the document entitles (§ 66 Abs. 2 EStG).
      const bewilligtAb = titel && `${titel.gueltigAb.slice(0, 7)}-01`;
      const paket =
        application.paketAusgegebenAm === null
          ? null
          : await insertAntragspaket(trx, {
              personId: application.applicantId,
              matrixCode: newMatrixCode(key),
              familienkasse: application.familienkasse,
              ausgegebenAm: application.paketAusgegebenAm,
              ausgegebenVon: 'jobcenter-demo',
              ausgegebenDurch: 'jobcenter',
            });
      await insertAntrag(
        trx,
        {
          antragspaketId: paket?.id ?? null,
          faelligAm: faelligAm(kalender, application.eingangAm),
          bearbeitungsarbeitstage: application.bescheid
            ? kalender.arbeitstageZwischen(application.eingangAm, application.bescheid.am)
            : null,
          personId: application.applicantId,
          kindergeldnummer,
          familienkasse: application.familienkasse,
          eingangAm: application.eingangAm,
          beschiedenAm: application.bescheid?.am ?? null,
          ergebnis: application.bescheid?.ergebnis ?? null,
          monatsbetrag: bewilligtAb ? demoMonatsbetrag(bewilligtAb, application.children.length) : null,
          bewilligtAb,
          titelArt: (titel?.art as Titelart | undefined) ?? null,
          titelRechtsgrundlage: titel?.rechtsgrundlage ?? null,
          titelGueltigAb: titel?.gueltigAb ?? null,
          titelGueltigBis: null,
          berechtigungRegel:
            titel &&
            pruefeBerechtigung(
              { art: titel.art as Titelart, rechtsgrundlage: titel.rechtsgrundlage, gueltigAb: titel.gueltigAb },
              bewilligtAb!,
            ).regel,
          ablehnungsgrund: application.bescheid?.grund ?? null,
          // Every demo grant carries the tax ids, as the Familienkasse collected them for 2016 (§ 52 Abs. 49a EStG).
          steuerId: titel ? demoSteuerId(application.applicantId) : null,
        },
        application.children.map((child, index) => ({
          personId: child.personId,
          vorname: child.vorname,
          nachname: child.nachname,
          geburtsdatum: child.geburtsdatum,
          ordnungszahl: titel ? index + 1 : null,
          steuerId: titel ? demoSteuerId(child.key) : null,
        })),
      );
    }
    await seedDemoConsents(datenschutzDb<FamilienkasseDatabase>(trx), OWNER, population);
  });
  return true;
}
