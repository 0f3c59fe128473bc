import type { Insertable, Kysely } from 'kysely';
import { datenschutzDb, seedDemoConsents } from '@ip/kit/consent';
import { periodOn } from '@ip/kit/calendar';
import {
  addDays,
  ageOn,
  demoRandom,
  maxDate,
  minDate,
  type DemoHousehold,
  type DemoPerson,
  type Population,
} from '@ip/kit/demo';
import {
  countFaelle,
  insertEreignisse,
  insertFaelle,
  insertUebergaben,
  registerKundennummern,
} from './db/fall.repository.ts';
import { insertKompetenzfeststellungen, insertSprachkurse } from './db/foerderung.repository.ts';
import { insertKriterien } from './db/kriterium.repository.ts';
import { insertBezirke, insertFachkraefte, insertRegelkunden } from './db/stammdaten.repository.ts';
import type {
  AgenturDatabase,
  FallEreignisTable,
  FallTable,
  FallUebergabeTable,
  Kanal,
  KompetenzfeststellungTable,
  RegelkundeTable,
  SprachkursTable,
  TerminTable,
} from './db/tables.ts';
import { insertTermine } from './db/termin.repository.ts';
import { einstiegskursFoerderfaehig } from './domain/einstiegskurs.ts';
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

/**
 * The criteria as the partners agreed them: the nationalities of the § 421 SGB III entry courses from the
 * day those opened (Rahmenkonzept, footnote 3); Somalia added later, when its protection rate rose (the
 * day is the demo's assumption).
 */
const KRITERIEN = [
  ...['ER', 'IQ', 'IR', 'SY'].map((staatsangehoerigkeit) => ({
    staatsangehoerigkeit,
    gueltigAb: '2015-10-24',
    quelle:
      'Rahmenkonzept Integration Point NRW, Fußnote 3: Staatsangehörigkeiten der Einstiegskurse nach § 421 SGB III',
  })),
  {
    staatsangehoerigkeit: 'SO',
    gueltigAb: '2016-08-01',
    quelle: 'Gesamtschutzquote des BAMF über 50 %, Abstimmung der Partner',
  },
];

function integrationPointFor(agenturbezirk: string): IntegrationPoint {
  const entry = Object.entries(INTEGRATION_POINTS).find(([, districts]) =>
    (districts as readonly string[]).includes(agenturbezirk),
  );
  return (entry?.[0] as IntegrationPoint | undefined) ?? 'Integration Point Düsseldorf';
}

const fachkraftId = (point: IntegrationPoint, index: number) =>
  demoRandom(OWNER, 'fachkraft', point, String(index)).uuid();
const isSgb3Customer = (person: DemoPerson) =>
  ['AUFENTHALTSGESTATTUNG', 'DULDUNG'].includes(person.statusverlauf.at(-1)!.art);

interface DemoFall {
  readonly person: DemoPerson;
  readonly household: DemoHousehold;
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
function faelle(population: Population, households: ReadonlyMap<string, DemoHousehold>): DemoFall[] {
  const result: DemoFall[] = [];
  for (const person of population.persons) {
    const age = ageOn(person.geburtsdatum, population.referenceDate);
    if (age < 18 || age > 64) continue;
    const random = demoRandom(OWNER, person.id);
    const household = households.get(person.haushaltId)!;
    const from = maxDate(FIRST_OPENING, person.asylantragAm ?? person.einreiseAm);
    const point = integrationPointFor(household.agenturbezirk);
    if (isSgb3Customer(person)) {
      if (
        !random.chance(HIGH_PROSPECTS.has(person.staatsangehoerigkeit) ? 0.75 : 0.3) ||
        from > population.referenceDate
      )
        continue;
      result.push({
        person,
        household,
        point,
        eroeffnetAm: random.date(from, population.referenceDate),
        uebergabeAm: null,
      });
    } else if (person.anerkanntAm && random.chance(0.5)) {
      const lastDay = addDays(person.anerkanntAm, -1);
      if (from > lastDay) continue;
      const eroeffnetAm = random.date(from, lastDay);
      result.push({
        person,
        household,
        point,
        eroeffnetAm,
        uebergabeAm: addDays(person.anerkanntAm, random.int(3, 14)),
      });
    }
  }
  return result;
}

const fachkraefte = () =>
  (Object.keys(SPECIALISTS) as IntegrationPoint[]).flatMap((point) =>
    SPECIALISTS[point].map((name, index) => ({
      id: fachkraftId(point, index),
      name,
      integrationPoint: point,
      agenturbezirk: point.replace('Integration Point ', ''),
    })),
  );

const bezirke = () =>
  (Object.entries(INTEGRATION_POINTS) as [IntegrationPoint, readonly string[]][]).flatMap(
    ([integrationPoint, districts]) => districts.map((agenturbezirk) => ({ agenturbezirk, integrationPoint })),
  );

interface Rows {
  fall: Insertable<FallTable>;
  ereignisse: Insertable<FallEreignisTable>[];
  uebergabe: Insertable<FallUebergabeTable> | null;
  kompetenzen: Insertable<KompetenzfeststellungTable>[];
  sprachkurse: Insertable<SprachkursTable>[];
  termine: Insertable<TerminTable>[];
}

const ERGEBNIS = {
  KEINE: 'Keine Berufsausbildung, Schulbesuch bis Klasse 8',
  BERUFSERFAHRUNG: 'Mehrjährige Berufserfahrung ohne formalen Abschluss',
  BERUFSAUSBILDUNG: 'Abgeschlossene Berufsausbildung, Nachweise teilweise vorhanden',
  STUDIUM: 'Abgeschlossenes Studium, Anerkennung der Abschlüsse zu prüfen',
} as const;

/** What an active case holds by the reference date: instruments and courses in the order the work goes. */
function foerderung(fall: DemoFall, id: string, referenceDate: string, erfasstVon: string) {
  const random = demoRandom(OWNER, 'foerderung', fall.person.id);
  const kompetenzen: Insertable<KompetenzfeststellungTable>[] = [
    {
      fallId: id,
      instrument: 'KURZLEBENSLAUF',
      beginn: fall.eroeffnetAm,
      ende: fall.eroeffnetAm,
      ergebnis: ERGEBNIS[fall.person.qualifikation],
      erfasstVon,
    },
  ];
  const profiling = addDays(fall.eroeffnetAm, random.int(7, 21));
  if (profiling <= referenceDate)
    kompetenzen.push({
      fallId: id,
      instrument: 'PROFILING',
      beginn: profiling,
      ende: profiling,
      ergebnis: 'Stärken und Handlungsbedarfe erhoben',
      erfasstVon,
    });
  const massnahme = addDays(profiling, random.int(7, 28));
  if (massnahme <= referenceDate) {
    const instrument = random.weighted([
      ['PERF', 4],
      ['BPS', 2],
      ['WERKSTATTARBEIT', 2],
      ['PRAKTIKUM', 1],
    ] as const);
    const ende = addDays(massnahme, instrument === 'BPS' ? 0 : random.int(14, 84));
    kompetenzen.push({
      fallId: id,
      instrument,
      beginn: massnahme,
      ende: ende <= referenceDate ? ende : null,
      ergebnis: ende <= referenceDate ? 'Teilgenommen, Ergebnis im Bewerberprofil' : null,
      erfasstVon,
    });
  }
  const sprachkurse: Insertable<SprachkursTable>[] = [];
  const eintritt = maxDate(addDays(fall.eroeffnetAm, random.int(3, 20)), '2015-10-24');
  const status = periodOn(fall.person.statusverlauf, eintritt)?.art ?? null;
  // Whoever has arrived and holds no status yet carries the BüMA of the registration as an asylum seeker.
  const einstieg = einstiegskursFoerderfaehig({
    eintritt,
    staatsangehoerigkeit: fall.person.staatsangehoerigkeit,
    aufenthaltsart: status,
    buemaVorgelegt: status === null,
  });
  if (einstieg.foerderfaehig && eintritt <= referenceDate) {
    sprachkurse.push({
      fallId: id,
      art: 'EINSTIEGSKURS_421',
      niveau: 'A1',
      beginn: eintritt,
      ende: null,
      status: random.chance(0.85) ? 'LAUFEND' : 'ABGEBROCHEN',
      nachweis: einstieg.nachweis,
      erfasstVon,
    });
  } else if (random.chance(0.4)) {
    const beginn = addDays(referenceDate, random.int(7, 60));
    sprachkurse.push({
      fallId: id,
      art: random.chance(0.5) ? 'INTEGRATIONSKURS' : 'ESF_BAMF',
      niveau: random.pick(['A1', 'A2', 'B1'] as const),
      beginn,
      ende: null,
      status: 'ANGEMELDET',
      erfasstVon,
    });
  }
  const kurs = sprachkurse[0];
  if (kurs?.status === 'ABGEBROCHEN') kurs.ende = minDate(addDays(kurs.beginn, random.int(5, 20)), referenceDate);
  return { kompetenzen, sprachkurse };
}

/** The next working days' invitations (Rahmenkonzept §4): letters, SMS, and copies to the accommodation's social service. */
function termin(
  fall: DemoFall,
  id: string,
  personId: string,
  fachkraft: string,
  referenceDate: string,
  erfasstVon: string,
): Insertable<TerminTable> {
  const random = demoRandom(OWNER, 'termin', personId);
  const shared = fall.household.unterkunft !== 'WOHNUNG';
  const kanaele: readonly Kanal[] = shared
    ? random.pick<readonly Kanal[]>([['POST', 'KOPIE_SOZIALDIENST'], ['SMS'], ['POST', 'SMS', 'KOPIE_SOZIALDIENST']])
    : random.pick<readonly Kanal[]>([['POST'], ['SMS'], ['POST', 'SMS']]);
  const datum = addDays(referenceDate, random.int(1, 3));
  return {
    personId,
    fallId: id,
    integrationsfachkraftId: fachkraft,
    datum,
    uhrzeit: `${String(random.int(8, 15)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
    sprache: fall.person.sprache,
    kanaele: [...kanaele],
    // SGB III services of the Integration Point are voluntary: an invitation has no consequence to notify.
    rechtsfolgenbelehrung: false,
    kopieAn: kanaele.includes('KOPIE_SOZIALDIENST')
      ? `Sozialdienst der ${fall.household.unterkunft === 'ERSTAUFNAHME' ? 'Erstaufnahmeeinrichtung' : 'Gemeinschaftsunterkunft'} ${fall.household.wohnort}`
      : null,
    erfasstVon,
  };
}

/** One case with everything that belongs to it; `numbers` holds the customer numbers given so far, to keep them unique. */
function toRows(fall: DemoFall, referenceDate: string, numbers: Set<string>): Rows {
  const random = demoRandom(OWNER, 'fall', fall.person.id);
  const id = random.uuid();
  let kundennummer: string;
  do
    kundennummer = `${random.int(100, 999)}${random.pick(['A', 'B', 'D', 'E'])}${String(random.int(0, 999_999)).padStart(6, '0')}`;
  while (numbers.has(kundennummer));
  numbers.add(kundennummer);
  const integrationsfachkraftId = fachkraftId(fall.point, random.int(0, SPECIALISTS[fall.point].length - 1));
  const erfasstVon = `demo-${integrationsfachkraftId.slice(0, 8)}`;
  const district = fall.household.agenturbezirk;
  // A hand-over still ahead on the reference date leaves the case active until then.
  const uebergebenAm = fall.uebergabeAm !== null && fall.uebergabeAm <= referenceDate ? fall.uebergabeAm : null;
  // Some customers found work or training before the reference date; the rest are still in the Integration Point.
  const abschluss =
    uebergebenAm === null && fall.person.qualifikation !== 'KEINE' && random.chance(0.1)
      ? random.date(addDays(fall.eroeffnetAm, 14), addDays(referenceDate, 30))
      : null;
  const abgeschlossenAm = abschluss !== null && abschluss <= referenceDate ? abschluss : null;
  const zugangsweg =
    HIGH_PROSPECTS.has(fall.person.staatsangehoerigkeit) && random.chance(0.7)
      ? ('INITIATIVANSPRACHE' as const)
      : ('FREIER_ZUGANG' as const);
  const ereignisse: Insertable<FallEreignisTable>[] = [
    { fallId: id, am: fall.eroeffnetAm, art: 'EROEFFNET', notiz: `Erstgespräch in der Eingangszone (${district})` },
  ];
  let uebergabe: Insertable<FallUebergabeTable> | null = null;
  if (uebergebenAm) {
    const warm = random.chance(0.5);
    uebergabe = {
      fallId: id,
      art: warm ? 'WARM' : 'REGULAER',
      anlass: 'RECHTSKREISWECHSEL',
      am: uebergebenAm,
      uebernehmendeStelle: `Jobcenter ${district}`,
      uebernehmendeFachkraft: warm ? `Fallmanagement Jobcenter ${district}` : null,
      form: warm ? random.pick(['TELEFONISCH', 'PERSOENLICH'] as const) : null,
      kundeAnwesend: warm ? random.chance(0.5) : null,
      notiz: 'Rechtskreiswechsel in das SGB II nach Anerkennung',
      erfasstVon,
    };
    ereignisse.push({
      fallId: id,
      am: uebergebenAm,
      art: 'UEBERGEBEN',
      notiz: 'Rechtskreiswechsel in das SGB II nach Anerkennung',
    });
  }
  if (abgeschlossenAm)
    ereignisse.push({ fallId: id, am: abgeschlossenAm, art: 'ABGESCHLOSSEN', notiz: 'Arbeitsaufnahme' });
  const status = uebergebenAm
    ? ('UEBERGEBEN' as const)
    : abgeschlossenAm
      ? ('ABGESCHLOSSEN' as const)
      : ('AKTIV' as const);
  const { kompetenzen, sprachkurse } = foerderung(
    fall,
    id,
    minDate(abgeschlossenAm ?? uebergebenAm ?? referenceDate, referenceDate),
    erfasstVon,
  );
  return {
    fall: {
      id,
      personId: fall.person.id,
      kundennummer,
      eroeffnetAm: fall.eroeffnetAm,
      status,
      statusSeit: uebergebenAm ?? abgeschlossenAm ?? fall.eroeffnetAm,
      integrationsfachkraftId,
      zugangsweg,
      abschlussgrund: abgeschlossenAm ? 'ARBEITSAUFNAHME' : null,
    },
    ereignisse,
    uebergabe,
    kompetenzen,
    // A course still ahead stays with the case only while the case is in the Integration Point.
    sprachkurse: status === 'AKTIV' ? sprachkurse : sprachkurse.filter((kurs) => kurs.status !== 'ANGEMELDET'),
    termine:
      status === 'AKTIV' && random.chance(0.5)
        ? [termin(fall, id, fall.person.id, integrationsfachkraftId, referenceDate, erfasstVon)]
        : [],
  };
}

/** A few invitations after initiative outreach: by SMS to the accommodation, no case yet. */
function ansprachetermine(
  population: Population,
  households: ReadonlyMap<string, DemoHousehold>,
  known: ReadonlySet<string>,
): Insertable<TerminTable>[] {
  return population.persons
    .filter(
      (person) =>
        !known.has(person.id) &&
        HIGH_PROSPECTS.has(person.staatsangehoerigkeit) &&
        isSgb3Customer(person) &&
        ageOn(person.geburtsdatum, population.referenceDate) >= 18,
    )
    .slice(0, 8)
    .map((person) => {
      const household = households.get(person.haushaltId)!;
      const random = demoRandom(OWNER, 'ansprache', person.id);
      return {
        personId: person.id,
        fallId: null,
        integrationsfachkraftId: fachkraftId(integrationPointFor(household.agenturbezirk), random.int(0, 2)),
        datum: addDays(population.referenceDate, random.int(1, 3)),
        uhrzeit: `${String(random.int(8, 15)).padStart(2, '0')}:${random.pick(['00', '30'])}`,
        sprache: person.sprache,
        kanaele: ['SMS'],
        rechtsfolgenbelehrung: false,
        kopieAn: null,
        erfasstVon: 'demo-eingangszone',
      };
    });
}

/**
 * Customers of the regular organisation (Rahmenkonzept §3): adults with an SGB III status who came before
 * 2015 and have no Integration Point case; an intake refuses them.
 */
function regelkunden(
  population: Population,
  withCase: ReadonlySet<string>,
  numbers: Set<string>,
): Insertable<RegelkundeTable>[] {
  return population.persons
    .filter(
      (person) =>
        !withCase.has(person.id) &&
        isSgb3Customer(person) &&
        person.einreiseAm < '2015-01-01' &&
        ageOn(person.geburtsdatum, population.referenceDate) >= 18,
    )
    .map((person) => {
      const random = demoRandom(OWNER, 'regelkunde', person.id);
      let kundennummer: string;
      do
        kundennummer = `${random.int(100, 999)}${random.pick(['A', 'B', 'D', 'E'])}${String(random.int(0, 999_999)).padStart(6, '0')}`;
      while (numbers.has(kundennummer));
      numbers.add(kundennummer);
      return { personId: person.id, kundennummer, seit: addDays(person.einreiseAm, random.int(90, 240)) };
    });
}

/** Fills an empty database with the Agentur's slice of the population, in one transaction. */
export async function seedDemoData(db: Kysely<AgenturDatabase>, population: Population): Promise<boolean> {
  if ((await countFaelle(db)) > 0) return false;
  const households = new Map(population.households.map((household) => [household.id, household]));
  const numbers = new Set<string>();
  const demoFaelle = faelle(population, households);
  const rows = demoFaelle.map((fall) => toRows(fall, population.referenceDate, numbers));
  await db.transaction().execute(async (trx) => {
    await insertFachkraefte(trx, fachkraefte());
    await insertBezirke(trx, bezirke());
    await insertKriterien(
      trx,
      KRITERIEN.map((kriterium) => ({ ...kriterium, festgelegtVon: 'demo-teamleitung' })),
    );
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await registerKundennummern(
        trx,
        chunk.map(({ fall }) => ({ kundennummer: fall.kundennummer, personId: fall.personId })),
      );
      await insertFaelle(
        trx,
        chunk.map((row) => row.fall),
      );
      await insertEreignisse(
        trx,
        chunk.flatMap((row) => row.ereignisse),
      );
      await insertUebergaben(
        trx,
        chunk.flatMap((row) => (row.uebergabe ? [row.uebergabe] : [])),
      );
      await insertKompetenzfeststellungen(
        trx,
        chunk.flatMap((row) => row.kompetenzen),
      );
      await insertSprachkurse(
        trx,
        chunk.flatMap((row) => row.sprachkurse),
      );
      await insertTermine(
        trx,
        chunk.flatMap((row) => row.termine),
      );
    }
    const withCase = new Set(demoFaelle.map((fall) => fall.person.id));
    const bestand = regelkunden(population, withCase, numbers);
    await registerKundennummern(
      trx,
      bestand.map(({ kundennummer, personId }) => ({ kundennummer, personId })),
    );
    await insertRegelkunden(trx, bestand);
    await insertTermine(
      trx,
      ansprachetermine(population, households, new Set([...withCase, ...bestand.map((kunde) => kunde.personId)])),
    );
    await seedDemoConsents(datenschutzDb<AgenturDatabase>(trx), OWNER, population);
  });
  return true;
}
