import { describe, expect, it } from 'vitest';
import { generatePopulation } from '@ip/kit/demo';
import { demoLeistungszeitraeume } from '../src/demo-faelle.ts';

const population = generatePopulation({ households: 60 });
const zeitraeume = demoLeistungszeitraeume(population);
const jePerson = new Map<string, typeof zeitraeume>();
for (const zeitraum of zeitraeume)
  jePerson.set(zeitraum.personId, [...(jePerson.get(zeitraum.personId) ?? []), zeitraum]);

/** The month's last day, computed with Date rather than the calendar the rules use. */
const monatsende = (tag: string) => {
  const [jahr, monat] = tag.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(jahr, monat, 0)).toISOString().slice(0, 10);
};

describe("the Sozialamt's demo slice", () => {
  it('gives no benefits to a child born into a recognised family', () => {
    const nie = population.persons.filter((person) => person.statusverlauf[0]!.art === 'AUFENTHALTSERLAUBNIS');
    expect(nie.length).toBeGreaterThan(0);
    for (const person of nie) expect(jePerson.get(person.id), person.id).toBeUndefined();
  });

  it('gives every recognised person benefits to the end of the month of recognition, and none after', () => {
    // A child born after its parents' recognition never held a Gestattung: it has no AsylbLG history.
    const anerkannte = population.persons.filter(
      (person) => person.anerkanntAm !== null && person.statusverlauf[0]!.art === 'AUFENTHALTSGESTATTUNG',
    );
    expect(anerkannte.length).toBeGreaterThan(5);
    for (const person of anerkannte) {
      const eigene = jePerson.get(person.id) ?? [];
      expect(eigene.at(-1), person.id).toMatchObject({
        bis: monatsende(person.anerkanntAm!),
        endeGrund: 'ANERKENNUNG',
      });
    }
  });

  it('keeps an open period for everyone still in the procedure or tolerated', () => {
    const offen = population.persons.filter((person) =>
      ['AUFENTHALTSGESTATTUNG', 'DULDUNG'].includes(person.statusverlauf.at(-1)!.art),
    );
    expect(offen.length).toBeGreaterThan(20);
    for (const person of offen)
      expect(jePerson.get(person.id)?.at(-1), person.id).toMatchObject({ bis: null, endeGrund: null });
  });

  it('pays § 2 from the day 15 months after entry (or from 01.03.2015), back to back without gaps', () => {
    /** Entry + 15 months, clamped to the month's last day (§ 188 Abs. 3 BGB), by hand. */
    const plus15 = (tag: string) => {
      const [jahr, monat, t] = tag.split('-').map(Number) as [number, number, number];
      const letzter = new Date(Date.UTC(jahr, monat - 1 + 16, 0)).getUTCDate();
      return new Date(Date.UTC(jahr, monat - 1 + 15, Math.min(t, letzter))).toISOString().slice(0, 10);
    };
    let analog = 0;
    for (const [personId, eigene] of jePerson) {
      const person = population.persons.find((kandidat) => kandidat.id === personId)!;
      for (const zeitraum of eigene.filter((z) => z.leistungsart === 'ANALOG_2')) {
        analog += 1;
        expect(zeitraum.ab, personId).toBe(
          plus15(person.einreiseAm) < '2015-03-01' ? '2015-03-01' : plus15(person.einreiseAm),
        );
      }
      for (let i = 1; i < eigene.length; i += 1) {
        const vorher = new Date(`${eigene[i - 1]!.bis}T00:00:00Z`);
        vorher.setUTCDate(vorher.getUTCDate() + 1);
        expect(eigene[i]!.ab).toBe(vorher.toISOString().slice(0, 10));
      }
    }
    expect(analog).toBeGreaterThan(3);
  });
});
