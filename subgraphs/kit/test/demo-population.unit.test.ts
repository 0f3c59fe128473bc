import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  BESCHAEFTIGUNG_MIT_ERLAUBNIS,
  createRandom,
  demoRandom,
  ERWERBSTAETIGKEIT_GESTATTET,
  ERWERBSTAETIGKEIT_NICHT_GESTATTET,
  generatePopulation,
  personById,
  type Aufenthaltsart,
  type DemoPerson,
} from '../src/demo/index.ts';
import { isDateInRange, isIsoDate } from '../src/scalars.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const population = generatePopulation();
const persons = personById(population);
const REF = population.referenceDate;
const current = (person: DemoPerson) => person.statusverlauf.at(-1)!;
const bornInGermany = (person: DemoPerson) => person.einreiseAm === person.geburtsdatum;
const share = (predicate: (person: DemoPerson) => boolean) =>
  population.persons.filter(predicate).length / population.persons.length;

describe('dates', () => {
  it('lie within the range the Date scalar takes as input, so every demo value can be sent back', () => {
    const days: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) days.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(population);
    expect(days.length).toBeGreaterThan(population.persons.length);
    expect(days.filter((day) => !isIsoDate(day) || !isDateInRange(day))).toEqual([]);
  });
});

describe('random', () => {
  it('repeats the same stream for the same seed and pins its first values', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const values = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(createRandom(8).next()).not.toBe(values[0]);
    // Pinned: every subgraph seeds from these streams, so they must not change between machines or releases.
    const pinned = createRandom(7);
    expect([pinned.int(0, 999_999), pinned.int(0, 999_999), pinned.int(0, 999_999)]).toEqual([978974, 800874, 235588]);
    expect(demoRandom('x', 'y').uuid()).toBe('4c8d6c5c-a58a-412f-83d0-f397897ddafc');
  });

  it('keeps int, pick, weighted and date within their bounds', () => {
    const rng = createRandom(1);
    const ints = Array.from({ length: 2000 }, () => rng.int(-2, 3));
    expect(new Set(ints)).toEqual(new Set([-2, -1, 0, 1, 2, 3]));
    expect(
      Array.from({ length: 500 }, () =>
        rng.weighted([
          ['never', 0],
          ['always', 1],
        ] as const),
      ),
    ).not.toContain('never');
    const dates = Array.from({ length: 500 }, () => rng.date('2015-02-27', '2015-03-01'));
    expect(new Set(dates)).toEqual(new Set(['2015-02-27', '2015-02-28', '2015-03-01']));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(Array.from({ length: 1000 }, () => rng.chance(0.25)).filter(Boolean).length).toBeGreaterThan(180);
  });

  it('makes version-4 UUIDs', () => {
    const rng = createRandom(3);
    const ids = Array.from({ length: 200 }, () => rng.uuid());
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(200);
  });

  it('derives a stream from keys: the same keys give the same stream, different keys another', () => {
    const first = demoRandom('x', 'y');
    const again = demoRandom('x', 'y');
    const draws = [first.uuid(), first.next(), first.int(0, 1_000_000)];
    expect([again.uuid(), again.next(), again.int(0, 1_000_000)]).toEqual(draws);
    for (const other of [demoRandom('y', 'x'), demoRandom('xy'), demoRandom('x', 'y', ''), demoRandom('x', 'z')]) {
      expect(other.uuid()).not.toBe(draws[0]);
    }
  });
});

describe('dates', () => {
  it('counts completed years and clamps month arithmetic, all in UTC days', () => {
    expect(ageOn('1990-12-01', '2015-12-01')).toBe(25);
    expect(ageOn('1990-12-02', '2015-12-01')).toBe(24);
    expect(ageOn('2000-02-29', '2015-02-28')).toBe(14);
    expect(ageOn('2000-02-29', '2015-03-01')).toBe(15);
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2015-11-30', 3)).toBe('2016-02-29');
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(addDays('2015-03-29', -1)).toBe('2015-03-28');
  });
});

describe('generatePopulation', () => {
  it('is deterministic and depends on the seed', () => {
    expect(generatePopulation()).toEqual(population);
    const other = generatePopulation({ seed: 2016 });
    expect(other.persons[0]!.id).not.toBe(population.persons[0]!.id);
    expect(other).not.toEqual(population);
  });

  it('keeps the first households when more are asked for', () => {
    const small = generatePopulation({ households: 10 });
    expect(small.households).toEqual(population.households.slice(0, 10));
    expect(generatePopulation({ households: 0 }).persons).toEqual([]);
    expect(() => generatePopulation({ households: -1 })).toThrow(RangeError);
    expect(() => generatePopulation({ referenceDate: '2015-13-01' })).toThrow(RangeError);
    expect(() => generatePopulation({ referenceDate: '2015-02-29' })).toThrow(RangeError);
  });

  it('has the default size', () => {
    expect(population.referenceDate).toBe('2015-12-01');
    expect(population.households).toHaveLength(230);
    expect(population.persons.length).toBeGreaterThanOrEqual(500);
  });

  it('gives unique, well-formed ids and AZR numbers', () => {
    const ids = [...population.persons.map((p) => p.id), ...population.households.map((h) => h.id)];
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const azr = population.persons.map((p) => p.azrNummer);
    expect(azr.every((n) => /^[1-9]\d{11}$/.test(n))).toBe(true);
    expect(new Set(azr).size).toBe(azr.length);
  });

  it('builds consistent households: head first, partner, then children oldest first', () => {
    const seen = new Set<string>();
    for (const household of population.households) {
      const members = household.memberIds.map((id) => persons.get(id)!);
      expect(members.every((m) => m !== undefined && m.haushaltId === household.id)).toBe(true);
      expect(members.map((m) => m.rolle).join(',')).toMatch(/^HAUPTPERSON(,PARTNER)?(,KIND)*$/);
      const children = members.filter((m) => m.rolle === 'KIND').map((m) => m.geburtsdatum);
      expect(children).toEqual([...children].sort());
      const head = members[0]!;
      for (const m of members) {
        expect(m.staatsangehoerigkeit).toBe(head.staatsangehoerigkeit);
        expect(m.sprache).toBe(head.sprache);
        expect(m.statusverlauf.map((p) => p.art).at(-1)).toBe(current(head).art);
        if (!bornInGermany(m)) expect(m.einreiseAm).toBe(head.einreiseAm);
        seen.add(m.id);
      }
      expect(household.wohnort).not.toBe('');
      expect(household.agenturbezirk).not.toBe('');
    }
    expect(seen.size).toBe(population.persons.length);
  });

  it('keeps every status history contiguous, chronological and open at the end', () => {
    for (const person of population.persons) {
      const history = person.statusverlauf;
      expect(history.length).toBeGreaterThan(0);
      expect(history[0]!.gueltigAb >= person.einreiseAm).toBe(true);
      expect(history.at(-1)!.gueltigBis).toBeNull();
      expect(history.at(-1)!.gueltigAb < REF).toBe(true);
      history.forEach((period, i) => {
        expect(isIsoDate(period.gueltigAb)).toBe(true);
        const next = history[i + 1];
        if (next === undefined) return;
        expect(period.gueltigBis).toBe(addDays(next.gueltigAb, -1));
        expect(period.gueltigAb <= period.gueltigBis!).toBe(true);
      });
    }
  });

  it('dates entry, application and recognition plausibly', () => {
    for (const person of population.persons) {
      expect(person.einreiseAm < REF && person.einreiseAm >= '2012-01-01').toBe(true);
      if (person.asylantragAm !== null)
        expect(person.asylantragAm >= person.einreiseAm && person.asylantragAm < REF).toBe(true);
      const protection = person.statusverlauf.find(
        (p) => p.art === 'AUFENTHALTSERLAUBNIS' || p.art === 'NIEDERLASSUNGSERLAUBNIS',
      );
      expect(person.anerkanntAm).toBe(protection?.gueltigAb ?? null);
    }
    expect(share((p) => p.asylantragAm === null)).toBeGreaterThan(0.005);
    expect(share((p) => p.asylantragAm === null)).toBeLessThan(0.05);
    expect(share((p) => p.einreiseAm >= '2015-08-01')).toBeGreaterThan(0.45);
    expect(share((p) => p.einreiseAm < '2014-01-01')).toBeGreaterThan(0.01);
  });

  it('separates children and adults at the reference date', () => {
    for (const person of population.persons) {
      const age = ageOn(person.geburtsdatum, REF);
      if (person.rolle === 'KIND') {
        expect(age).toBeGreaterThanOrEqual(0);
        expect(age).toBeLessThan(18);
        expect(person.qualifikation).toBe('KEINE');
        if (bornInGermany(person)) expect(person.geburtsdatum.startsWith('2015')).toBe(true);
        else expect(person.geburtsdatum < person.einreiseAm).toBe(true);
      } else {
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(60);
      }
    }
    expect(population.persons.filter(bornInGermany).length).toBeGreaterThan(0);
  });

  it('covers all four kinds of residence status, Gestattung the most common', () => {
    const counts = new Map<Aufenthaltsart, number>();
    for (const person of population.persons)
      counts.set(current(person).art, (counts.get(current(person).art) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([
      'AUFENTHALTSERLAUBNIS',
      'AUFENTHALTSGESTATTUNG',
      'DULDUNG',
      'NIEDERLASSUNGSERLAUBNIS',
    ]);
    expect(share((p) => current(p).art === 'AUFENTHALTSGESTATTUNG')).toBeGreaterThan(0.5);
    const settled = population.persons.filter((p) => current(p).art === 'NIEDERLASSUNGSERLAUBNIS');
    for (const person of settled)
      expect(person.statusverlauf.map((p) => p.rechtsgrundlage)).toEqual([
        '§ 55 Abs. 1 AsylG',
        '§ 25 Abs. 2 AufenthG',
        '§ 26 Abs. 3 AufenthG',
      ]);
    expect(
      population.persons
        .filter((p) => current(p).art === 'DULDUNG')
        .every((p) => current(p).rechtsgrundlage === '§ 60a Abs. 2 AufenthG'),
    ).toBe(true);
  });

  it('has plausible nationality shares', () => {
    expect(share((p) => p.staatsangehoerigkeit === 'SY')).toBeGreaterThanOrEqual(0.3);
    expect(share((p) => p.staatsangehoerigkeit === 'SY')).toBeLessThanOrEqual(0.46);
    expect(new Set(population.persons.map((p) => p.staatsangehoerigkeit))).toEqual(
      new Set(['SY', 'IQ', 'AF', 'ER', 'IR', 'AL', 'XK', 'RS', 'PK', 'NG', 'SO']),
    );
    const balkan = population.persons.filter((p) => ['AL', 'XK', 'RS'].includes(p.staatsangehoerigkeit));
    expect(balkan.filter((p) => current(p).art === 'DULDUNG').length / balkan.length).toBeGreaterThan(0.3);
  });

  it('writes the employment provisions the 2015 rules give, with a few stale ones', () => {
    let stale = 0;
    let longStay = 0;
    for (const person of population.persons) {
      const period = current(person);
      const employment = period.nebenbestimmungen[0];
      if (period.art === 'AUFENTHALTSERLAUBNIS' || period.art === 'NIEDERLASSUNGSERLAUBNIS') {
        expect(period.nebenbestimmungen).toEqual([ERWERBSTAETIGKEIT_GESTATTET]);
        continue;
      }
      const household = population.households.find((h) => h.id === person.haushaltId)!;
      // The family's papers follow the head's entry and application, also for a baby born here.
      const head = persons.get(household.memberIds[0]!)!;
      const safeCountryBan =
        ['AL', 'XK', 'RS'].includes(person.staatsangehoerigkeit) && (head.asylantragAm ?? '') > '2015-08-31';
      expect(period.nebenbestimmungen.slice(1)).toEqual(
        period.nebenbestimmungen.length > 1 ? [`Wohnsitzauflage: ${household.wohnort}`] : [],
      );
      if (safeCountryBan || addMonths(head.einreiseAm, 3) > REF) {
        expect(employment).toBe(ERWERBSTAETIGKEIT_NICHT_GESTATTET);
      } else {
        longStay++;
        if (employment === ERWERBSTAETIGKEIT_NICHT_GESTATTET) stale++;
        else expect(employment).toBe(BESCHAEFTIGUNG_MIT_ERLAUBNIS);
      }
    }
    expect(stale).toBeGreaterThan(0);
    expect(stale / longStay).toBeLessThan(0.25);
  });

  it('houses people plausibly and obliges only recent arrivals to stay in reception', () => {
    for (const person of population.persons) {
      if (!person.wohnpflichtErstaufnahme) continue;
      const household = population.households.find((h) => h.id === person.haushaltId)!;
      expect(household.unterkunft).toBe('ERSTAUFNAHME');
      expect(addDays(persons.get(household.memberIds[0]!)!.einreiseAm, 42) >= REF).toBe(true);
    }
    expect(share((p) => p.wohnpflichtErstaufnahme)).toBeGreaterThan(0.03);
    const singles = population.households.filter((h) => h.memberIds.length === 1).length / population.households.length;
    expect(singles).toBeGreaterThan(0.35);
    expect(singles).toBeLessThan(0.55);
  });

  it('distributes adult qualifications roughly as surveyed', () => {
    const adults = population.persons.filter((p) => p.rolle !== 'KIND');
    const quota = (q: DemoPerson['qualifikation']) =>
      adults.filter((p) => p.qualifikation === q).length / adults.length;
    expect(quota('KEINE')).toBeGreaterThan(0.25);
    expect(quota('KEINE')).toBeLessThan(0.45);
    expect(quota('STUDIUM')).toBeGreaterThan(0.06);
    expect(quota('STUDIUM')).toBeLessThan(0.2);
  });

  it('follows another reference date', () => {
    const later = generatePopulation({ referenceDate: '2016-06-30', households: 50 });
    for (const person of later.persons) {
      expect(person.einreiseAm < '2016-06-30').toBe(true);
      expect(current(person).gueltigAb < '2016-06-30').toBe(true);
      expect(ageOn(person.geburtsdatum, '2016-06-30') >= 18).toBe(person.rolle !== 'KIND');
    }
  });
});
