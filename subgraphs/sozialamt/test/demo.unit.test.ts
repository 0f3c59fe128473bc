import { describe, expect, it } from 'vitest';
import { generatePopulation } from '@ip/kit/demo';
import { demoVorgaenge } from '../src/seed.ts';

const population = generatePopulation({ households: 20 });

describe("the Sozialamt (AsylbLG)'s demo slice", () => {
  it('is the same on every run, and knows some persons but not all', () => {
    const files = demoVorgaenge(population);
    expect(demoVorgaenge(population)).toEqual(files);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(population.persons.length);
  });

  it('opens each file between arrival and the reference day, under a number of its own', () => {
    const files = demoVorgaenge(population);
    const arrival = new Map(population.persons.map((person) => [person.id, person.einreiseAm]));
    for (const file of files) {
      expect(file.eroeffnetAm <= population.referenceDate).toBe(true);
      expect(file.eroeffnetAm >= [arrival.get(file.personId)!, population.referenceDate].sort()[0]!).toBe(true);
      expect(file.aktenzeichen).toMatch(/^[A-Z0-9]{1,5}-[0-9]{6}$/);
    }
    expect(new Set(files.map((file) => file.aktenzeichen)).size).toBe(files.length);
  });
});
