import type { Insertable, Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { addDays, ageOn, demoRandom, maxDate, type DemoPerson, type Population } from '@ip/kit/demo';
import { countFaelle, insertEreignisse, insertFachkraefte, insertFaelle } from './db/fall.repository.ts';
import type { AgenturDatabase, FallEreignisTable } from './db/tables.ts';
import { OWNER } from './policy.ts';

/** The first four Integration Points of NRW (joint declaration of 10 Nov 2015) and the districts they serve. */
const INTEGRATION_POINTS = {
  'Integration Point Düsseldorf': ['Düsseldorf', 'Duisburg', 'Oberhausen', 'Köln'],
  'Integration Point Dortmund': ['Dortmund', 'Bochum', 'Essen', 'Gelsenkirchen', 'Recklinghausen'],
  'Integration Point Herford': ['Herford', 'Bielefeld'],
  'Integration Point Münster': ['Münster'],
} as const;
type IntegrationPoint = keyof typeof INTEGRATION_POINTS;

const SPECIALISTS: Readonly<Record<IntegrationPoint, readonly string[]>> = {
  'Integration Point Düsseldorf': ['Katrin Schneider', 'Murat Yilmaz', 'Andrea Hoffmann'],
  'Integration Point Dortmund': ['Thomas Becker', 'Sabine Wagner', 'Rami Haddad'],
  'Integration Point Herford': ['Jens Meyer', 'Claudia Richter', 'Olga Schmidt'],
  'Integration Point Münster': ['Stefan Koch', 'Nadine Wolf', 'Peter Krüger'],
};

/** The Integration Points opened from 1 September 2015 (Düsseldorf first). */
const FIRST_OPENING = '2015-09-01';
const HIGH_PROSPECTS = new Set(['SY', 'ER', 'IQ', 'IR']);
const CHUNK = 500;

function integrationPointFor(agenturbezirk: string): IntegrationPoint {
  const entry = Object.entries(INTEGRATION_POINTS).find(([, districts]) => (districts as readonly string[]).includes(agenturbezirk));
  return (entry?.[0] as IntegrationPoint | undefined) ?? 'Integration Point Düsseldorf';
}

const fachkraftId = (point: IntegrationPoint, index: number) => demoRandom(OWNER, 'fachkraft', point, String(index)).uuid();

interface DemoFall {
  readonly person: DemoPerson;
  readonly point: IntegrationPoint;
  readonly eroeffnetAm: string;
  /** Set for a recognised person: the day the case goes to the Jobcenter, possibly after the reference date. */
  readonly uebergabeAm: string | null;
}

/**
 * Cases the Agentur would have: adults in the asylum procedure or with a Duldung (SGB III customers) who
 * came to an Integration Point, more often from countries with a high Bleibeperspektive (initiative
 * outreach); and recognised adults whose case it hands to the Jobcenter at the change of legal sphere.
 */
function faelle(population: Population): DemoFall[] {
  const districtOf = new Map(population.households.map((household) => [household.id, household.agenturbezirk]));
  const result: DemoFall[] = [];
  for (const person of population.persons) {
    const age = ageOn(person.geburtsdatum, population.referenceDate);
    if (age < 18 || age > 64) continue;
    const random = demoRandom(OWNER, person.id);
    const art = person.statusverlauf.at(-1)!.art;
    const from = maxDate(FIRST_OPENING, person.asylantragAm ?? person.einreiseAm);
    const point = integrationPointFor(districtOf.get(person.haushaltId) ?? '');
    if (art === 'AUFENTHALTSGESTATTUNG' || art === 'DULDUNG') {
      if (!random.chance(HIGH_PROSPECTS.has(person.staatsangehoerigkeit) ? 0.75 : 0.3) || from > population.referenceDate) continue;
      result.push({ person, point, eroeffnetAm: random.date(from, population.referenceDate), uebergabeAm: null });
    } else if (person.anerkanntAm && random.chance(0.5)) {
      const lastDay = addDays(person.anerkanntAm, -1);
      if (from > lastDay) continue;
      const eroeffnetAm = random.date(from, lastDay);
      result.push({ person, point, eroeffnetAm, uebergabeAm: addDays(person.anerkanntAm, random.int(3, 14)) });
    }
  }
  return result;
}

const fachkraefte = () =>
  (Object.keys(SPECIALISTS) as IntegrationPoint[]).flatMap((point) =>
    SPECIALISTS[point].map((name, index) => ({ id: fachkraftId(point, index), name, integrationPoint: point, agenturbezirk: point.replace('Integration Point ', '') })),
  );

/** One case with its history as rows; `numbers` holds the customer numbers given so far, to keep them unique. */
function toRows(fall: DemoFall, district: string, referenceDate: string, numbers: Set<string>) {
  const random = demoRandom(OWNER, 'fall', fall.person.id);
  const id = random.uuid();
  let kundennummer: string;
  do kundennummer = `${random.int(100, 999)}${random.pick(['A', 'B', 'D', 'E'])}${String(random.int(0, 999_999)).padStart(6, '0')}`;
  while (numbers.has(kundennummer));
  numbers.add(kundennummer);
  // A hand-over still ahead on the reference date leaves the case active until then.
  const uebergebenAm = fall.uebergabeAm !== null && fall.uebergabeAm <= referenceDate ? fall.uebergabeAm : null;
  const ereignisse: Insertable<FallEreignisTable>[] = [{ fallId: id, am: fall.eroeffnetAm, art: 'EROEFFNET', notiz: `Erstgespräch in der Eingangszone (${district})` }];
  if (uebergebenAm) ereignisse.push({ fallId: id, am: uebergebenAm, art: 'UEBERGEBEN', notiz: 'Rechtskreiswechsel in das SGB II nach Anerkennung' });
  return {
    fall: {
      id,
      personId: fall.person.id,
      kundennummer,
      eroeffnetAm: fall.eroeffnetAm,
      status: uebergebenAm ? ('UEBERGEBEN' as const) : ('AKTIV' as const),
      statusSeit: uebergebenAm ?? fall.eroeffnetAm,
      integrationsfachkraftId: fachkraftId(fall.point, random.int(0, SPECIALISTS[fall.point].length - 1)),
    },
    ereignisse,
  };
}

/** Fills an empty database with the Agentur's slice of the population, in one transaction. */
export async function seedDemoData(db: Kysely<AgenturDatabase>, population: Population): Promise<boolean> {
  if ((await countFaelle(db)) > 0) return false;
  const districts = new Map(population.households.map((household) => [household.id, household.agenturbezirk]));
  const numbers = new Set<string>();
  const rows = faelle(population).map((fall) => toRows(fall, districts.get(fall.person.haushaltId) ?? '', population.referenceDate, numbers));
  await db.transaction().execute(async (trx) => {
    await insertFachkraefte(trx, fachkraefte());
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await insertFaelle(trx, chunk.map((row) => row.fall));
      await insertEreignisse(trx, chunk.flatMap((row) => row.ereignisse));
    }
    await seedDemoConsents(datenschutzDb<AgenturDatabase>(trx), OWNER, population);
  });
  return true;
}
