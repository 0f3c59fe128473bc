import type { Arbeitskalender } from '@ip/kit/calendar';
import { addDays, addYears, demoRandom, NAMES, type DemoNationality, type Random } from '@ip/kit/demo';
import { OWNER } from './policy.ts';
import { DEMO_FAMILIENKASSEN, type DemoApplication, type DemoChild } from './seed-application.ts';

/**
 * The Familienkassen serve a region, not one Integration Point: in autumn 2015 every Jobcenter of the region
 * handed recognised refugees the Antragspaket with the SGB II application, so a Familienkasse received many
 * more applications a week than the demo population's few families make. This is that flow, drawn for the
 * weeks up to the population's reference day, so that the SLA figures have something to show.
 */

/** The population size the flow is drawn for: a smaller demo (a test's) gets a proportionally smaller flow. */
const DEFAULT_HOUSEHOLDS = 230;
/** Weeks of receipts up to and including the reference day's week. */
const WEEKS = 14;
/** The last weeks, when the BAMF's decisions of the summer's arrivals came in and the Familienkassen fell behind. */
const RUSH_WEEKS = 6;

interface Kasse {
  /** Packet applications a week in the first week, at the default size; the flow grows by the same each week. */
  readonly proWoche: number;
  /** Share of packet applications decided within 10 working days in ordinary weeks and in the rush. */
  readonly rechtzeitig: number;
  readonly rechtzeitigImAndrang: number;
}

const KASSEN: Readonly<Record<(typeof DEMO_FAMILIENKASSEN)[number], Kasse>> = {
  '515': { proWoche: 5, rechtzeitig: 0.96, rechtzeitigImAndrang: 0.9 },
  '534': { proWoche: 3.5, rechtzeitig: 0.94, rechtzeitigImAndrang: 0.8 },
  '548': { proWoche: 2.5, rechtzeitig: 0.9, rechtzeitigImAndrang: 0.55 },
};

/** Nationalities of the recognised families of 2015 (Syria most of all; the Balkan states had no recognitions). */
const NATIONALITIES: readonly (readonly [DemoNationality, number])[] = [
  ['SY', 62],
  ['IQ', 15],
  ['ER', 10],
  ['IR', 7],
  ['AF', 6],
];
const FLUECHTLING = { art: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 2 AufenthG' } as const;
const ASYLBERECHTIGT = { art: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 1 AufenthG' } as const;

/** The Monday of the week `day` falls in. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Applications received by the demo's Familienkassen in the weeks up to `referenceDate`, as it stood that day. */
export function regionalApplications(
  households: number,
  referenceDate: string,
  kalender: Arbeitskalender,
): DemoApplication[] {
  const scale = households / DEFAULT_HOUSEHOLDS;
  const first = mondayOf(addDays(referenceDate, -7 * (WEEKS - 1)));
  const result: DemoApplication[] = [];
  for (let week = 0; week < WEEKS; week += 1) {
    const monday = addDays(first, 7 * week);
    const days = [0, 1, 2, 3, 4]
      .map((offset) => addDays(monday, offset))
      .filter((day) => day <= referenceDate && kalender.isArbeitstag(day));
    if (days.length === 0) continue;
    const rush = week >= WEEKS - RUSH_WEEKS;
    for (const familienkasse of DEMO_FAMILIENKASSEN) {
      const kasse = KASSEN[familienkasse];
      // A stream per Familienkasse and week (and one per application below): a larger demo keeps the smaller one's applications.
      const expected = kasse.proWoche * (1 + week / 4) * scale * (days.length / 5);
      const count = Math.round(expected * (0.8 + 0.4 * demoRandom(OWNER, 'region', familienkasse, monday).next()));
      for (let index = 0; index < count; index += 1) {
        const random = demoRandom(OWNER, 'region', familienkasse, monday, String(index));
        result.push(application(random, { familienkasse, kasse, days, rush, referenceDate, kalender }));
      }
    }
  }
  return result;
}

interface Week {
  readonly familienkasse: string;
  readonly kasse: Kasse;
  readonly days: readonly string[];
  readonly rush: boolean;
  readonly referenceDate: string;
  readonly kalender: Arbeitskalender;
}

function application(random: Random, week: Week): DemoApplication {
  const { kasse, kalender, referenceDate } = week;
  const eingangAm = random.pick(week.days);
  // Nine in ten came in the packet's envelope; the rest applied by letter, without the promise.
  const mitPaket = random.chance(0.9);
  const paketAusgegebenAm = mitPaket ? addDays(eingangAm, -random.int(2, 9)) : null;
  const anerkanntAm = addDays(paketAusgegebenAm ?? eingangAm, -random.int(7, 35));
  const nationality = random.weighted(NATIONALITIES);
  const onTime = random.chance(week.rush ? kasse.rechtzeitigImAndrang : kasse.rechtzeitig);
  const arbeitstage = mitPaket ? (onTime ? random.int(3, 10) : random.int(11, 19)) : random.int(4, 22);
  // A few files are forgotten on a desk: still open, and overdue, on the reference day.
  const liegengeblieben = random.chance(0.03);
  const am = kalender.nachArbeitstagen(eingangAm, arbeitstage);
  const children = childrenOf(random, nationality, eingangAm, referenceDate);
  const titel = { ...(random.chance(0.05) ? ASYLBERECHTIGT : FLUECHTLING), gueltigAb: anerkanntAm };
  return {
    applicantId: random.uuid(),
    paketAusgegebenAm,
    children,
    titel,
    familienkasse: week.familienkasse,
    eingangAm,
    bescheid:
      liegengeblieben || am > referenceDate
        ? null
        : random.chance(0.02)
          ? { am, ergebnis: 'ABGELEHNT', grund: 'Kinder leben nicht im Haushalt der antragstellenden Person' }
          : { am, ergebnis: 'BEWILLIGT', grund: null },
  };
}

/** One to five children under 18, eldest first, the youngest born a month before the application at the latest. */
function childrenOf(random: Random, nationality: DemoNationality, eingangAm: string, referenceDate: string) {
  const names = NAMES[nationality];
  // Eritrean children carry their father's given name as surname (patronymic), as the papers enter it.
  const nachname = nationality === 'ER' ? random.pick(names.male) : random.pick(names.surnames);
  const wanted = random.weighted([
    [1, 28],
    [2, 30],
    [3, 22],
    [4, 13],
    [5, 7],
  ] as const);
  const oldest = addDays(addYears(referenceDate, -18), 1);
  const births: string[] = [];
  let birth = random.date(addYears(eingangAm, -7), addDays(eingangAm, -30));
  while (births.length < wanted && birth >= oldest) {
    births.unshift(birth);
    birth = addDays(birth, -random.int(400, 1500));
  }
  return births.map((geburtsdatum): DemoChild => ({
    key: random.uuid(),
    personId: null,
    vorname: random.pick(random.chance(0.5) ? names.male : names.female),
    nachname,
    geburtsdatum,
  }));
}
