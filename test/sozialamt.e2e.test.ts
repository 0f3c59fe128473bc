import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoVorgaenge } from '../subgraphs/sozialamt/src/seed.ts';
import { startSystem, type System } from './support/system.ts';

let system: System;

beforeAll(async () => {
  system = await startSystem({ households: 20 });
});

afterAll(async () => {
  await system?.stop();
});

const AKTE = `query Akte($id: ID!) {
  person(id: $id) { id sozialamtVorgaenge { aktenzeichen } datenschutz { sozialamt { eigentuemer } } }
}`;

describe('the Sozialamt (AsylbLG) through the gateway', () => {
  it("answers a person's files to its own staff, with its part of the person's data protection view", async () => {
    const file = demoVorgaenge(system.population)[0]!;
    const answer = await system.query<{
      person: {
        id: string;
        sozialamtVorgaenge: { aktenzeichen: string }[];
        datenschutz: { sozialamt: { eigentuemer: string } };
      };
    }>(AKTE, { id: file.personId }, { agency: 'sozialamt', role: 'sachbearbeitung' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.person.sozialamtVorgaenge).toContainEqual({ aktenzeichen: file.aktenzeichen });
    expect(answer.data?.person.datenschutz.sozialamt.eigentuemer).toBe('SOZIALAMT');
  });
});
