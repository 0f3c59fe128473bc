import type { Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { addDays, ageOn, demoRandom, personById, type DemoHousehold, type DemoPerson, type Population } from '@ip/kit/demo';
import { insertAntragspaket, matrixCodeKey } from './db/antragspaket.repository.ts';
import { countAntraege, insertAntrag } from './db/kindergeld.repository.ts';
import { newMatrixCode } from './domain/matrixcode.ts';
import { faelligAm } from './domain/sla.ts';
import type { FamilienkasseDatabase } from './db/tables.ts';
import { OWNER } from './policy.ts';
import { kalender } from './workflow/kalender.ts';

/** Monthly Kindergeld in 2015 by the child's order (§ 66 EStG): first and second 188, third 194, each further 219. */
export function kindergeld2015(children: number): number {
  let total = 0;
  for (let order = 1; order <= children; order += 1) total += order <= 2 ? 188 : order === 3 ? 194 : 219;
  return total;
}

const FAMILIENKASSEN = ['515', '534', '548'] as const;
const TITLES = new Set(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']);

interface Application {
  readonly head: DemoPerson;
  /** Recognised families got the Antragspaket from the Jobcenter with the SGB II application. */
  readonly paketAusgegebenAm: string | null;
  readonly children: readonly DemoPerson[];
  readonly familienkasse: string;
  readonly eingangAm: string;
  readonly bescheid: { readonly am: string; readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT'; readonly grund: string | null } | null;
}

/**
 * What the Familienkasse would know: recognised families with children (§ 62 Abs. 2 EStG entitles them)
 * that applied, and a few families in the asylum procedure or with a Duldung that applied anyway and were
 * refused. Everybody else is unknown to it.
 */
function applications(population: Population): Application[] {
  const persons = personById(population);
  const result: Application[] = [];
  for (const household of population.households) {
    const application = applicationOf(household, persons, population.referenceDate);
    if (application) result.push(application);
  }
  return result;
}

function applicationOf(household: DemoHousehold, persons: ReadonlyMap<string, DemoPerson>, referenceDate: string): Application | null {
  const members = household.memberIds.map((id) => persons.get(id)!);
  const head = members[0]!;
  const children = members.filter((member) => member.rolle === 'KIND' && ageOn(member.geburtsdatum, referenceDate) < 18);
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
          ? { am: decidedOn, ergebnis: 'ABGELEHNT' as const, grund: 'Kinder leben nicht im Haushalt der antragstellenden Person' }
          : { am: decidedOn, ergebnis: 'BEWILLIGT' as const, grund: null };
    return { head, children, familienkasse, eingangAm, bescheid, paketAusgegebenAm: addDays(eingangAm, -random.int(2, 6)) };
  }
  if (!random.chance(0.05)) return null;
  const eingangAm = addDays(current.gueltigAb, random.int(3, 30));
  if (addDays(eingangAm, 10) > referenceDate) return null;
  const titel = current.art === 'DULDUNG' ? 'Duldung' : 'Aufenthaltsgestattung';
  return {
    head,
    children,
    familienkasse,
    eingangAm,
    bescheid: { am: addDays(eingangAm, random.int(5, 10)), ergebnis: 'ABGELEHNT', grund: `Kein Anspruch nach § 62 Abs. 2 EStG: ${titel}` },
    paketAusgegebenAm: null,
  };
}

/** Fills an empty database with the Familienkasse's slice of the population, in one transaction. */
export async function seedDemoData(db: Kysely<FamilienkasseDatabase>, population: Population): Promise<boolean> {
  if ((await countAntraege(db)) > 0) return false;
  const numbers = new Set<string>();
  await db.transaction().execute(async (trx) => {
    const key = await matrixCodeKey(trx);
    for (const application of applications(population)) {
      const random = demoRandom(OWNER, 'kindergeldnummer', application.head.id);
      let kindergeldnummer: string;
      do kindergeldnummer = `${application.familienkasse}FK${String(random.int(0, 999_999)).padStart(6, '0')}`;
      while (numbers.has(kindergeldnummer));
      numbers.add(kindergeldnummer);
      const granted = application.bescheid?.ergebnis === 'BEWILLIGT';
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
          bearbeitungsarbeitstage: application.bescheid ? kalender.arbeitstageZwischen(application.eingangAm, application.bescheid.am) : null,
          personId: application.head.id,
          kindergeldnummer,
          familienkasse: application.familienkasse,
          eingangAm: application.eingangAm,
          beschiedenAm: application.bescheid?.am ?? null,
          ergebnis: application.bescheid?.ergebnis ?? null,
          monatsbetrag: granted ? kindergeld2015(application.children.length) : null,
          ablehnungsgrund: application.bescheid?.grund ?? null,
        },
        application.children.map((child) => ({ personId: child.id, vorname: child.vorname, nachname: child.nachname, geburtsdatum: child.geburtsdatum })),
      );
    }
    await seedDemoConsents(datenschutzDb<FamilienkasseDatabase>(trx), OWNER, population);
  });
  return true;
}
