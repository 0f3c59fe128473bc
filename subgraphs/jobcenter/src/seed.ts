import type { Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { addDays, addMonths, demoRandom, personById, type DemoPerson, type Population } from '@ip/kit/demo';
import { countBgs, insertBg } from './db/bedarfsgemeinschaft.repository.ts';
import type { BgRolle, JobcenterDatabase } from './db/tables.ts';
import { OWNER } from './policy.ts';

/** Five-digit office numbers of Jobcenters in the demo districts. */
const DIENSTSTELLEN = ['36201', '36211', '37401', '38101', '39301'] as const;
const TITLES = new Set(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']);
const ROLLE: Readonly<Record<DemoPerson['rolle'], BgRolle>> = { HAUPTPERSON: 'ANTRAGSTELLENDE_PERSON', PARTNER: 'PARTNER', KIND: 'KIND' };

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * Fills an empty database with what the Jobcenter would know: recognised refugees' households (the change
 * of legal sphere into SGB II) as Bedarfsgemeinschaften with their SGB II application; 2015 law grants for
 * six months from the first of the month of application (§ 41 Abs. 1, § 37 Abs. 2 SGB II).
 */
export async function seedDemoData(db: Kysely<JobcenterDatabase>, population: Population): Promise<boolean> {
  if ((await countBgs(db)) > 0) return false;
  const persons = personById(population);
  const numbers = new Set<string>();
  await db.transaction().execute(async (trx) => {
    for (const household of population.households) {
      const members = household.memberIds.map((id) => persons.get(id)!);
      const head = members[0]!;
      const current = head.statusverlauf.at(-1)!;
      const random = demoRandom(OWNER, household.id);
      if (!TITLES.has(current.art) || !random.chance(0.9)) continue;
      const gegruendetAm = addDays(head.anerkanntAm ?? current.gueltigAb, random.int(3, 30));
      if (gegruendetAm > population.referenceDate) continue;
      let bgNummer: string;
      do bgNummer = `${random.pick(DIENSTSTELLEN)}BG${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
      while (numbers.has(bgNummer));
      numbers.add(bgNummer);
      const decidedOn = addDays(gegruendetAm, random.int(14, 40));
      const decided = decidedOn <= population.referenceDate;
      const granted = decided && !random.chance(0.03);
      const bewilligtAb = firstOfMonth(gegruendetAm);
      await insertBg(
        trx,
        { bgNummer, gegruendetAm },
        members.map((member) => ({ personId: member.id, rolle: ROLLE[member.rolle], seit: gegruendetAm })),
        [
          {
            eingangAm: gegruendetAm,
            status: !decided ? 'BEANTRAGT' : granted ? 'BEWILLIGT' : 'ABGELEHNT',
            beschiedenAm: decided ? decidedOn : null,
            bewilligtAb: granted ? bewilligtAb : null,
            bewilligtBis: granted ? addDays(addMonths(bewilligtAb, 6), -1) : null,
          },
        ],
      );
    }
    await seedDemoConsents(datenschutzDb<JobcenterDatabase>(trx), OWNER, population);
  });
  return true;
}
