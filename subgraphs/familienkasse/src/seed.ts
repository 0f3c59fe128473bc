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

const FAMILIENKASSEN = ['515', '534', '548'] as const;
const TITLES = new Set(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']);

interface Application {
  readonly head: DemoPerson;
  /** Recognised families got the Antragspaket from the Jobcenter with the SGB II application. */
  readonly paketAusgegebenAm: string | null;
  /** Eldest first: the place in the order of children (§ 66 Abs. 1 EStG) as far as the demo knows them. */
  readonly children: readonly DemoPerson[];
  /** The document that entitled (§ 62 Abs. 2 EStG) and the first month granted, for grants. */
  readonly titel: { readonly art: string; readonly rechtsgrundlage: string; readonly gueltigAb: string } | null;
  readonly familienkasse: string;
  readonly eingangAm: string;
  readonly bescheid: {
    readonly am: string;
    readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT';
    readonly grund: string | null;
  } | null;
}

/**
 * What the Familienkasse would know: recognised families with children (§ 62 Abs. 2 EStG entitles them)
 * that applied, and a few families in the asylum procedure or with a Duldung that applied anyway and were
 * refused. Everybody else is unknown to it.
 */
function applications(population: Population, kalender: Arbeitskalender): Application[] {
  const persons = personById(population);
  const result: Application[] = [];
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
): Application | null {
  const members = household.memberIds.map((id) => persons.get(id)!);
  const head = members[0]!;
  const children = members
    .filter((member) => member.rolle === 'KIND' && ageOn(member.geburtsdatum, referenceDate) < 18)
    .sort((a, b) => (a.geburtsdatum < b.geburtsdatum ? -1 : a.geburtsdatum > b.geburtsdatum ? 1 : 0));
  if (children.length === 0) return null;
  const random = demoRandom(OWNER, household.id);
  const current = head.statusverlauf.at(-1)!;
  const familienkasse = random.pick(FAMILIENKASSEN);
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
      head,
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
    head,
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

/** Fills an empty database with the Familienkasse's slice of the population, in one transaction. */
export async function seedDemoData(
  db: Kysely<FamilienkasseDatabase>,
  population: Population,
  kalender: Arbeitskalender,
): Promise<boolean> {
  if ((await countAntraege(db)) > 0) return false;
  const numbers = new Set<string>();
  await db.transaction().execute(async (trx) => {
    const key = await matrixCodeKey(trx);
    for (const application of applications(population, kalender)) {
      const random = demoRandom(OWNER, 'kindergeldnummer', application.head.id);
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
              personId: application.head.id,
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
          personId: application.head.id,
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
          steuerId: titel ? demoSteuerId(application.head.id) : null,
        },
        application.children.map((child, index) => ({
          personId: child.id,
          vorname: child.vorname,
          nachname: child.nachname,
          geburtsdatum: child.geburtsdatum,
          ordnungszahl: titel ? index + 1 : null,
          steuerId: titel ? demoSteuerId(child.id) : null,
        })),
      );
    }
    await seedDemoConsents(datenschutzDb<FamilienkasseDatabase>(trx), OWNER, population);
  });
  return true;
}
