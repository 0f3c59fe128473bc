import type { IsoDate } from '../scalars.ts';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  fromDayNumber,
  maxDate,
  minDate,
  toDayNumber,
} from './dates.ts';
import {
  BALKAN_YEARS,
  ENTRY_YEARS,
  NAMES,
  NATIONALITY_SHARES,
  NRW_CITIES,
  PROFILES,
  SAFE_ORIGIN,
  type DemoNationality,
  type NationalityProfile,
  type Speed,
  type Weights,
} from './names.ts';
import { createRandom, hashKeys, type Random } from './random.ts';

export type Aufenthaltsart = 'AUFENTHALTSGESTATTUNG' | 'DULDUNG' | 'AUFENTHALTSERLAUBNIS' | 'NIEDERLASSUNGSERLAUBNIS';
export interface StatusPeriod {
  readonly art: Aufenthaltsart;
  readonly rechtsgrundlage: string;
  readonly gueltigAb: IsoDate;
  /** null: still valid on the reference date. */
  readonly gueltigBis: IsoDate | null;
  /** As written in the papers, including the ones an office forgot to update. */
  readonly nebenbestimmungen: readonly string[];
}
export type Haushaltsrolle = 'HAUPTPERSON' | 'PARTNER' | 'KIND';
export type Qualifikation = 'KEINE' | 'BERUFSERFAHRUNG' | 'BERUFSAUSBILDUNG' | 'STUDIUM';
export interface DemoPerson {
  readonly id: string;
  readonly azrNummer: string;
  readonly vorname: string;
  readonly nachname: string;
  readonly geschlecht: 'MAENNLICH' | 'WEIBLICH';
  readonly geburtsdatum: IsoDate;
  readonly staatsangehoerigkeit: string;
  readonly sprache: string;
  readonly haushaltId: string;
  readonly rolle: Haushaltsrolle;
  /** For children born in Germany: the birth date. */
  readonly einreiseAm: IsoDate;
  readonly asylantragAm: IsoDate | null;
  readonly anerkanntAm: IsoDate | null;
  /** Contiguous and chronological; the last period is open and is the status on the reference date. */
  readonly statusverlauf: readonly StatusPeriod[];
  readonly wohnpflichtErstaufnahme: boolean;
  readonly qualifikation: Qualifikation;
}
export interface DemoHousehold {
  readonly id: string;
  /** Head first, then partner, then children oldest first. */
  readonly memberIds: readonly string[];
  readonly wohnort: string;
  readonly agenturbezirk: string;
  readonly unterkunft: 'ERSTAUFNAHME' | 'GEMEINSCHAFTSUNTERKUNFT' | 'WOHNUNG';
}
export interface Population {
  readonly referenceDate: IsoDate;
  readonly persons: readonly DemoPerson[];
  readonly households: readonly DemoHousehold[];
}
export interface PopulationOptions {
  readonly seed?: number;
  readonly households?: number;
  readonly referenceDate?: IsoDate;
}

export const ERWERBSTAETIGKEIT_GESTATTET = 'Erwerbstätigkeit gestattet';
export const ERWERBSTAETIGKEIT_NICHT_GESTATTET = 'Erwerbstätigkeit nicht gestattet';
export const BESCHAEFTIGUNG_MIT_ERLAUBNIS = 'Beschäftigung nur mit Erlaubnis der Ausländerbehörde gestattet';

type HouseholdKind = 'SINGLE' | 'FAMILY' | 'SINGLE_PARENT' | 'COUPLE';

/** Days from the asylum application to the BAMF decision. */
const DECISION_LAG: Readonly<Record<Speed, readonly [number, number]>> = {
  FAST: [40, 200],
  MID: [60, 300],
  SAFE: [30, 240],
  SLOW: [120, 600],
};

interface Phase {
  readonly art: Aufenthaltsart;
  readonly rechtsgrundlage: string;
  readonly gueltigAb: IsoDate;
}
interface StatusPlan {
  readonly einreiseAm: IsoDate;
  readonly asylantragAm: IsoDate | null;
  readonly anerkanntAm: IsoDate | null;
  readonly phases: readonly Phase[];
}
const GESTATTUNG = { art: 'AUFENTHALTSGESTATTUNG', rechtsgrundlage: '§ 55 Abs. 1 AsylG' } as const;
const DULDUNG = { art: 'DULDUNG', rechtsgrundlage: '§ 60a Abs. 2 AufenthG' } as const;
const FLUECHTLING = { art: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 2 AufenthG' } as const;
const ASYLBERECHTIGT = { art: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 1 AufenthG' } as const;
const NIEDERLASSUNG = { art: 'NIEDERLASSUNGSERLAUBNIS', rechtsgrundlage: '§ 26 Abs. 3 AufenthG' } as const;

function drawEntry(rng: Random, profile: NationalityProfile, ref: IsoDate): IsoDate {
  for (let attempt = 0; attempt < 20; attempt++) {
    const year = rng.weighted(profile.speed === 'SAFE' ? BALKAN_YEARS : ENTRY_YEARS);
    const month =
      year === 2015 ? rng.weighted(profile.months2015.map((weight, i) => [i + 1, weight] as const)) : rng.int(1, 12);
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const day = rng.date(first, addDays(addMonths(first, 1), -1));
    if (compareDates(day, ref) < 0) return day;
  }
  // Only for reference dates before the 2015 influx.
  return rng.date(addDays(ref, -365), addDays(ref, -1));
}

function drawApplication(rng: Random, profile: NationalityProfile, einreiseAm: IsoDate, ref: IsoDate): IsoDate | null {
  // In autumn 2015 the BAMF fell months behind: people lived on a BüMA until they could file; Balkan cases were fast-tracked.
  const [min, max] =
    einreiseAm < '2015-01-01'
      ? [1, 21]
      : profile.speed === 'SAFE'
        ? [3, 45]
        : einreiseAm < '2015-08-01'
          ? [3, 60]
          : [7, 120];
  const room = daysBetween(einreiseAm, ref) - 1;
  if (room < max && rng.chance(0.05)) return null;
  const hi = Math.min(max, room);
  return addDays(einreiseAm, rng.int(Math.min(min, hi), hi));
}

function planStatus(rng: Random, nationality: DemoNationality, profile: NationalityProfile, ref: IsoDate): StatusPlan {
  if ((profile.speed === 'FAST' || profile.speed === 'MID' || nationality === 'AF') && rng.chance(0.025)) {
    // § 26 Abs. 3 AufenthG (2015): a recognised refugee is settled after three years of the title unless the BAMF revokes.
    const settled = addDays(ref, -rng.int(20, 150));
    const recognised = addDays(addYears(settled, -3), -rng.int(0, 30));
    const applied = addDays(recognised, -rng.int(60, 120));
    const phases = [
      { ...GESTATTUNG, gueltigAb: applied },
      { ...FLUECHTLING, gueltigAb: recognised },
      { ...NIEDERLASSUNG, gueltigAb: settled },
    ];
    return { einreiseAm: addDays(applied, -rng.int(3, 21)), asylantragAm: applied, anerkanntAm: recognised, phases };
  }
  const einreiseAm = drawEntry(rng, profile, ref);
  const asylantragAm = drawApplication(rng, profile, einreiseAm, ref);
  const gestattung = { ...GESTATTUNG, gueltigAb: asylantragAm ?? einreiseAm };
  const pending: StatusPlan = { einreiseAm, asylantragAm, anerkanntAm: null, phases: [gestattung] };
  if (asylantragAm === null) return pending;
  const decision = addDays(asylantragAm, rng.int(...DECISION_LAG[profile.speed]));
  if (rng.chance(profile.recognition)) {
    const start = addDays(decision, rng.int(14, 60));
    if (compareDates(start, ref) >= 0) return pending;
    const title = rng.chance(0.05) ? ASYLBERECHTIGT : FLUECHTLING;
    return { einreiseAm, asylantragAm, anerkanntAm: start, phases: [gestattung, { ...title, gueltigAb: start }] };
  }
  // Rejected as manifestly unfounded: the Gestattung ends when the decision is enforceable, deportation is suspended.
  const start = addDays(decision, rng.int(10, 45));
  if (compareDates(start, ref) >= 0) return pending;
  return { einreiseAm, asylantragAm, anerkanntAm: null, phases: [gestattung, { ...DULDUNG, gueltigAb: start }] };
}

/** `stale`: the ABH never lifted the initial work ban on the current paper. */
interface PaperContext {
  readonly nationality: DemoNationality;
  readonly einreiseAm: IsoDate;
  readonly asylantragAm: IsoDate | null;
  readonly wohnort: string;
  readonly wohnsitzauflage: boolean;
  readonly stale: boolean;
}

function nebenbestimmungen(art: Aufenthaltsart, asOf: IsoDate, current: boolean, paper: PaperContext): string[] {
  if (art === 'AUFENTHALTSERLAUBNIS' || art === 'NIEDERLASSUNGSERLAUBNIS') return [ERWERBSTAETIGKEIT_GESTATTET];
  // Asylpaket I (24 Oct 2015): safe-country applicants who applied after 31 Aug 2015 may not work at all.
  const banned =
    SAFE_ORIGIN.has(paper.nationality) &&
    paper.asylantragAm !== null &&
    paper.asylantragAm > '2015-08-31' &&
    asOf >= '2015-10-24';
  // Otherwise work needs the ABH's consent once three months have passed since entry (§ 61 AsylG, § 32 BeschV).
  const waiting = compareDates(asOf, addMonths(paper.einreiseAm, 3)) < 0;
  const employment =
    banned || waiting || (current && paper.stale) ? ERWERBSTAETIGKEIT_NICHT_GESTATTET : BESCHAEFTIGUNG_MIT_ERLAUBNIS;
  return current && paper.wohnsitzauflage ? [employment, `Wohnsitzauflage: ${paper.wohnort}`] : [employment];
}

function toPeriods(phases: readonly Phase[], ref: IsoDate, paper: PaperContext): StatusPeriod[] {
  return phases.map((phase, i) => {
    const next = phases[i + 1];
    const gueltigBis = next === undefined ? null : addDays(next.gueltigAb, -1);
    return {
      ...phase,
      gueltigBis,
      nebenbestimmungen: nebenbestimmungen(phase.art, gueltigBis ?? ref, gueltigBis === null, paper),
    };
  });
}

/** A child born into the household shares its status from birth on (§ 14a Abs. 2 AsylG, § 33 AufenthG). */
function fromBirth(periods: readonly StatusPeriod[], birth: IsoDate): StatusPeriod[] {
  return periods
    .filter((period) => period.gueltigBis === null || compareDates(period.gueltigBis, birth) >= 0)
    .map((period) => ({ ...period, gueltigAb: maxDate(period.gueltigAb, birth) }));
}

interface Member {
  readonly rolle: Haushaltsrolle;
  readonly geschlecht: DemoPerson['geschlecht'];
  readonly geburtsdatum: IsoDate;
  readonly vorname: string;
  readonly nachname: string;
  readonly bornInGermany: boolean;
}

const drawAge = (rng: Random, bands: Weights<readonly [number, number]>): number => rng.int(...rng.weighted(bands));

/** Born abroad before entry, at least 11 months apart, mother aged 18–44, all under 18 on the reference date. */
function childBirthDates(
  rng: Random,
  wanted: number,
  motherBirth: IsoDate,
  einreiseAm: IsoDate,
  ref: IsoDate,
  gap = 330,
): IsoDate[] {
  const lo = toDayNumber(maxDate(addDays(addYears(ref, -18), 1), addYears(motherBirth, 18)));
  const hi = toDayNumber(minDate(addDays(einreiseAm, -1), addYears(motherBirth, 44)));
  if (hi < lo) return [];
  let count = wanted;
  while (count > 1 && hi - lo < (count - 1) * gap) count--;
  const offsets = Array.from({ length: count }, () => rng.int(0, hi - lo - (count - 1) * gap)).sort((a, b) => a - b);
  return offsets.map((offset, i) => fromDayNumber(lo + offset + i * gap));
}

function drawMembers(
  rng: Random,
  nationality: DemoNationality,
  kind: HouseholdKind,
  einreiseAm: IsoDate,
  ref: IsoDate,
): Member[] {
  const names = NAMES[nationality];
  const naming = PROFILES[nationality].naming;
  const used = new Set<string>();
  const givenName = (geschlecht: Member['geschlecht']): string => {
    const list = geschlecht === 'MAENNLICH' ? names.male : names.female;
    let name = rng.pick(list);
    for (let attempt = 0; attempt < 5 && used.has(name); attempt++) name = rng.pick(list);
    used.add(name);
    return name;
  };
  const adult = (rolle: Haushaltsrolle, geschlecht: Member['geschlecht'], age: number, nachname: string): Member => {
    // Any day on which the person has exactly `age` completed years at the reference date.
    const geburtsdatum = rng.date(addDays(addYears(ref, -(age + 1)), 1), addYears(ref, -age));
    return { rolle, geschlecht, geburtsdatum, vorname: givenName(geschlecht), nachname, bornInGermany: false };
  };
  // Parents were adults before their oldest child was born abroad.
  const minParentAge = 19 + Math.ceil(daysBetween(einreiseAm, ref) / 365);
  const familyName = rng.pick(names.surnames);
  if (kind === 'SINGLE') {
    const geschlecht = rng.chance(0.8) ? 'MAENNLICH' : 'WEIBLICH';
    return [
      adult(
        'HAUPTPERSON',
        geschlecht,
        drawAge(rng, [
          [[18, 25], 50],
          [[26, 35], 35],
          [[36, 50], 12],
          [[51, 60], 3],
        ]),
        familyName,
      ),
    ];
  }
  const members: Member[] = [];
  let father: Member | undefined;
  let mother: Member | undefined;
  if (kind === 'SINGLE_PARENT') {
    const head = adult(
      'HAUPTPERSON',
      rng.chance(0.85) ? 'WEIBLICH' : 'MAENNLICH',
      Math.max(minParentAge, rng.int(22, 45)),
      familyName,
    );
    members.push(head);
    [father, mother] = head.geschlecht === 'WEIBLICH' ? [undefined, head] : [head, undefined];
  } else {
    const bands: Weights<readonly [number, number]> =
      kind === 'FAMILY'
        ? [
            [[22, 29], 35],
            [[30, 39], 40],
            [[40, 50], 25],
          ]
        : [
            [[20, 29], 50],
            [[30, 45], 20],
            [[46, 60], 30],
          ];
    const headAge = Math.max(drawAge(rng, bands), minParentAge + 2);
    const partnerAge = Math.min(60, Math.max(kind === 'FAMILY' ? minParentAge : 18, headAge - rng.int(-2, 8)));
    const partnerName =
      naming === 'SHARED' ? familyName : rng.pick(names.surnames.filter((name) => name !== familyName));
    father = adult('HAUPTPERSON', 'MAENNLICH', headAge, familyName);
    mother = adult('PARTNER', 'WEIBLICH', partnerAge, partnerName);
    members.push(father, mother);
  }
  if (kind === 'COUPLE' && !rng.chance(0.15)) return members;
  const childName =
    father !== undefined
      ? naming === 'PATRONYMIC'
        ? father.vorname
        : father.nachname
      : naming === 'SHARED'
        ? familyName
        : naming === 'PATRONYMIC'
          ? rng.pick(names.male)
          : rng.pick(names.surnames);
  const child = (geburtsdatum: IsoDate, bornInGermany: boolean): Member => {
    const geschlecht = rng.chance(0.5) ? 'MAENNLICH' : 'WEIBLICH';
    return {
      rolle: 'KIND',
      geschlecht,
      geburtsdatum,
      vorname: givenName(geschlecht),
      nachname: childName,
      bornInGermany,
    };
  };
  const motherBirth = mother?.geburtsdatum ?? addYears(members[0]?.geburtsdatum ?? ref, 3);
  const wanted =
    kind === 'COUPLE'
      ? 0
      : rng.weighted(
          kind === 'FAMILY'
            ? [
                [1, 30],
                [2, 35],
                [3, 22],
                [4, 13],
              ]
            : [
                [1, 45],
                [2, 35],
                [3, 20],
              ],
        );
  const abroad = childBirthDates(rng, wanted, motherBirth, einreiseAm, ref).map((birth) => child(birth, false));
  members.push(...abroad);
  // Babies born in Germany during the past year; a COUPLE only reaches here to have one.
  const youngest = abroad.at(-1)?.geburtsdatum;
  const lo = [
    addDays(einreiseAm, 30),
    addDays(ref, -334),
    ...(youngest === undefined ? [] : [addDays(youngest, 300)]),
  ].reduce(maxDate);
  const hi = minDate(addDays(ref, -1), addYears(motherBirth, 45));
  if (
    mother !== undefined &&
    compareDates(lo, hi) <= 0 &&
    (kind === 'COUPLE' || abroad.length === 0 || rng.chance(0.12))
  ) {
    members.push(child(rng.date(lo, hi), true));
  }
  return members;
}

function drawUnterkunft(
  rng: Random,
  art: Aufenthaltsart,
  sinceEntry: number,
  size: number,
): DemoHousehold['unterkunft'] {
  if (art === 'NIEDERLASSUNGSERLAUBNIS') return 'WOHNUNG';
  if (art === 'AUFENTHALTSERLAUBNIS') return rng.chance(0.55) ? 'WOHNUNG' : 'GEMEINSCHAFTSUNTERKUNFT';
  if (sinceEntry <= 42) return rng.chance(0.85) ? 'ERSTAUFNAHME' : 'GEMEINSCHAFTSUNTERKUNFT';
  if (sinceEntry <= 90)
    return rng.weighted([
      ['ERSTAUFNAHME', 20],
      ['GEMEINSCHAFTSUNTERKUNFT', 75],
      ['WOHNUNG', 5],
    ]);
  return rng.chance(size > 1 ? 0.45 : 0.25) ? 'WOHNUNG' : 'GEMEINSCHAFTSUNTERKUNFT';
}

function drawQualifikation(rng: Random, profile: NationalityProfile, age: number): Qualifikation {
  const [keine, erfahrung, ausbildung, studium] = profile.qualifikation;
  const drawn = rng.weighted<Qualifikation>([
    ['KEINE', keine],
    ['BERUFSERFAHRUNG', erfahrung],
    ['BERUFSAUSBILDUNG', ausbildung],
    ['STUDIUM', studium],
  ]);
  // Nobody under 22 has finished a degree (studies broken off by the war count as none); nobody under 19 a vocational training.
  if (drawn === 'STUDIUM' && age < 22) return 'KEINE';
  if (drawn === 'BERUFSAUSBILDUNG' && age < 19) return 'BERUFSERFAHRUNG';
  return drawn;
}

function drawAzr(rng: Random, taken: Set<string>): string {
  let azr: string;
  do
    azr = `${rng.int(1, 9)}${String(rng.int(0, 99_999)).padStart(5, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  while (taken.has(azr));
  taken.add(azr);
  return azr;
}

function generateHousehold(
  rng: Random,
  ref: IsoDate,
  takenAzr: Set<string>,
): { household: DemoHousehold; persons: DemoPerson[] } {
  const nationality = rng.weighted(NATIONALITY_SHARES);
  const profile = PROFILES[nationality];
  const kind = rng.weighted<HouseholdKind>([
    ['SINGLE', profile.kinds[0]],
    ['FAMILY', profile.kinds[1]],
    ['SINGLE_PARENT', profile.kinds[2]],
    ['COUPLE', profile.kinds[3]],
  ]);
  const plan = planStatus(rng, nationality, profile, ref);
  const members = drawMembers(rng, nationality, kind, plan.einreiseAm, ref);
  const sinceEntry = daysBetween(plan.einreiseAm, ref);
  const currentArt = plan.phases.at(-1)?.art ?? 'AUFENTHALTSGESTATTUNG';
  const unterkunft = drawUnterkunft(rng, currentArt, sinceEntry, members.length);
  const city = rng.weighted(
    NRW_CITIES.map((c) => [c, unterkunft === 'ERSTAUFNAHME' ? c.erstaufnahme : c.weight] as const),
  );
  const wohnpflichtErstaufnahme = unterkunft === 'ERSTAUFNAHME' && sinceEntry <= 42 && rng.chance(0.9);
  const { einreiseAm, asylantragAm } = plan;
  const wohnsitzauflage = rng.chance(currentArt === 'DULDUNG' ? 0.6 : 0.5);
  const paper: PaperContext = {
    nationality,
    einreiseAm,
    asylantragAm,
    wohnort: city.wohnort,
    wohnsitzauflage,
    stale: rng.chance(0.1),
  };
  const periods = toPeriods(plan.phases, ref, paper);
  const sprache = rng.weighted(profile.sprachen);
  const haushaltId = rng.uuid();
  const persons = members.map((member): DemoPerson => {
    const birth = member.geburtsdatum;
    const age = ageOn(birth, ref);
    return {
      id: rng.uuid(),
      azrNummer: drawAzr(rng, takenAzr),
      vorname: member.vorname,
      nachname: member.nachname,
      geschlecht: member.geschlecht,
      geburtsdatum: birth,
      staatsangehoerigkeit: nationality,
      sprache,
      haushaltId,
      rolle: member.rolle,
      einreiseAm: member.bornInGermany ? birth : plan.einreiseAm,
      asylantragAm:
        member.bornInGermany && plan.asylantragAm !== null ? maxDate(plan.asylantragAm, birth) : plan.asylantragAm,
      anerkanntAm:
        member.bornInGermany && plan.anerkanntAm !== null ? maxDate(plan.anerkanntAm, birth) : plan.anerkanntAm,
      statusverlauf: member.bornInGermany ? fromBirth(periods, birth) : periods,
      wohnpflichtErstaufnahme,
      qualifikation: age >= 18 ? drawQualifikation(rng, profile, age) : 'KEINE',
    };
  });
  const { wohnort, agenturbezirk } = city;
  return {
    household: { id: haushaltId, memberIds: persons.map((p) => p.id), wohnort, agenturbezirk, unterkunft },
    persons,
  };
}

export function generatePopulation(options: PopulationOptions = {}): Population {
  const seed = options.seed ?? 2015;
  const count = options.households ?? 230;
  const referenceDate = options.referenceDate ?? '2015-12-01';
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`households must be a non-negative integer, got ${count}`);
  toDayNumber(referenceDate); // rejects a malformed date before any work is done
  let generated: { persons: DemoPerson[]; households: DemoHousehold[] } | undefined;
  const generate = () => {
    const takenAzr = new Set<string>();
    const persons: DemoPerson[] = [];
    const households: DemoHousehold[] = [];
    for (let index = 0; index < count; index++) {
      // One stream per household, so asking for more households leaves the first ones as they were.
      const { household, persons: members } = generateHousehold(
        createRandom(hashKeys('demo-population', String(seed), String(index))),
        referenceDate,
        takenAzr,
      );
      households.push(household);
      persons.push(...members);
    }
    return { persons, households };
  };
  // Made on first use: every subgraph's start asks for the population, but only a seed of an empty
  // database reads it, and making it costs about 0.13 s of CPU per process on every (re)start.
  return {
    referenceDate,
    get persons() {
      return (generated ??= generate()).persons;
    },
    get households() {
      return (generated ??= generate()).households;
    },
  };
}

export function personById(population: Population): ReadonlyMap<string, DemoPerson> {
  return new Map(population.persons.map((person) => [person.id, person]));
}
