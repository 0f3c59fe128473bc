import type { Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import {
  addDays,
  addMonths,
  ageOn,
  demoRandom,
  maxDate,
  personById,
  type DemoPerson,
  type Population,
} from '@ip/kit/demo';
import { countBgs, insertBg } from './db/bedarfsgemeinschaft.repository.ts';
import { insertWechsel } from './db/rechtskreiswechsel.repository.ts';
import type { BgRolle, JobcenterDatabase } from './db/tables.ts';
import { OWNER } from './policy.ts';

/** Five-digit office numbers of Jobcenters in the demo districts. */
const DIENSTSTELLEN = ['36201', '36211', '37401', '38101', '39301'] as const;
const TITLES = new Set(['AUFENTHALTSERLAUBNIS', 'NIEDERLASSUNGSERLAUBNIS']);
const ROLLE: Readonly<Record<DemoPerson['rolle'], BgRolle>> = {
  HAUPTPERSON: 'ANTRAGSTELLENDE_PERSON',
  PARTNER: 'PARTNER',
  KIND: 'KIND',
};

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/** Regelbedarf 2015 of a child by age (§ 23 Nr. 1 SGB II, Regelbedarfsstufen 6 / 5 / 4): 234 / 267 / 302. */
const regelbedarfKind2015 = (kind: DemoPerson, stichtag: string): number => {
  const alter = ageOn(kind.geburtsdatum, stichtag);
  return alter < 6 ? 234 : alter < 14 ? 267 : 302;
};

/** Regelbedarf 2015 (§ 20 SGB II, § 23): single adult 399, partners 360 each, children by age. */
function regelbedarf2015(mitglieder: readonly DemoPerson[], stichtag: string): number {
  const partners = mitglieder.some((mitglied) => mitglied.rolle === 'PARTNER');
  return mitglieder.reduce(
    (sum, mitglied) =>
      sum + (mitglied.rolle === 'KIND' ? regelbedarfKind2015(mitglied, stichtag) : partners ? 360 : 399),
    0,
  );
}

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
      if (!TITLES.has(current.art)) continue;
      const anerkanntAm = head.anerkanntAm ?? current.gueltigAb;
      // AsylbLG runs to the end of the month of recognition (§ 1 Abs. 3 AsylbLG), SGB II from the next first.
      const asylblgEnde = addDays(firstOfMonth(addMonths(anerkanntAm, 1)), -1);
      const sgb2Start = addDays(asylblgEnde, 1);
      const erwachsene = members.filter((member) => member.rolle !== 'KIND');
      if (!random.chance(0.9)) {
        // Handed over at recognition, but no application yet: the gap the Rahmenkonzept warns of.
        for (const person of erwachsene) {
          await insertWechsel(
            trx,
            {
              personId: person.id,
              anerkanntAm,
              asylblgBis: asylblgEnde,
              sgb2Ab: sgb2Start,
              erfasstVon: 'jobcenter-demo',
            },
            [],
          );
        }
        continue;
      }
      const gegruendetAm = addDays(anerkanntAm, random.int(3, 30));
      if (gegruendetAm > population.referenceDate) continue;
      let bgNummer: string;
      do bgNummer = `${random.pick(DIENSTSTELLEN)}BG${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
      while (numbers.has(bgNummer));
      numbers.add(bgNummer);
      const decidedOn = addDays(gegruendetAm, random.int(14, 40));
      const decided = decidedOn <= population.referenceDate;
      const granted = decided && !random.chance(0.03);
      // The application works back to the first of its month (§ 37 Abs. 2 S. 2 SGB II), not before SGB II.
      const bewilligtAb = maxDate(firstOfMonth(gegruendetAm), sgb2Start);
      const unterkunft = granted ? random.int(250, 650) : null;
      // A child's need, against which its Kindergeld counts: its Regelbedarf and a per-head share of the accommodation.
      const monatsbedarf = (member: DemoPerson) =>
        member.rolle === 'KIND' && unterkunft !== null
          ? (regelbedarfKind2015(member, gegruendetAm) * 100 + Math.round((unterkunft * 100) / members.length)) / 100
          : null;
      await insertBg(
        trx,
        { bgNummer, gegruendetAm },
        members.map((member) => ({
          personId: member.id,
          rolle: ROLLE[member.rolle],
          seit: gegruendetAm,
          geburtsdatum: member.geburtsdatum,
          monatsbedarf: monatsbedarf(member),
        })),
        [
          {
            eingangAm: gegruendetAm,
            status: !decided ? 'BEANTRAGT' : granted ? 'BEWILLIGT' : 'ABGELEHNT',
            beschiedenAm: decided ? decidedOn : null,
            bewilligtAb: granted ? bewilligtAb : null,
            bewilligtBis: granted ? addDays(addMonths(bewilligtAb, 6), -1) : null,
            regelbedarf: granted ? regelbedarf2015(members, gegruendetAm) : null,
            unterkunft,
          },
        ],
      );
      // The change of legal sphere: SGB II from the first month granted, AsylbLG to the end of the month of
      // recognition, except in some cases where the Sozialamt stopped earlier (a gap).
      const sgb2Ab = bewilligtAb;
      const asylblgBis = random.chance(0.2) ? addDays(asylblgEnde, -random.int(5, 20)) : asylblgEnde;
      for (const person of erwachsene) {
        await insertWechsel(
          trx,
          { personId: person.id, anerkanntAm, asylblgBis, sgb2Ab, erfasstVon: 'jobcenter-demo' },
          random.chance(0.3)
            ? [
                {
                  bezeichnung: 'PerF – Perspektiven für Flüchtlinge (§ 45 SGB III)',
                  ende: addDays(sgb2Ab, random.int(20, 80)),
                },
              ]
            : [],
        );
      }
    }
    await seedDemoConsents(datenschutzDb<JobcenterDatabase>(trx), OWNER, population);
  });
  return true;
}
