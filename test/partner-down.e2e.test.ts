import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type System } from './support/system.ts';

let system: System;
beforeAll(async () => {
  system = await startSystem({ households: 20 });
});
afterAll(async () => system?.stop());

describe('a partner that is down', () => {
  it('costs its own fields and names itself, the rest of the answer stands', async () => {
    await system.stopPartner('familienkasse');
    const person = system.population.persons[0]!;
    const result = await system.query<{ person: { identitaet: { nachname: string }; kindergeldantraege: unknown } }>(
      `query($id: ID!) { person(id: $id) { identitaet { nachname } kindergeldantraege { kindergeldnummer } } }`,
      { id: person.id },
    );
    expect(result.data?.person.identitaet.nachname).toBe(person.nachname);
    expect(result.data?.person.kindergeldantraege).toBeNull();
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      { code: 'PARTNER_NICHT_ERREICHBAR', partner: 'familienkasse', grund: 'VERBINDUNG_FEHLGESCHLAGEN' },
    ]);
    expect(JSON.stringify(result.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost/);
  });

  it('reaches a client through a partner that asked it, with the same reason', async () => {
    // The Agentur's outreach list asks the Ausländerbehörde through the gateway; that partner is down.
    await system.stopPartner('auslaenderbehoerde');
    const result = await system.query(
      `query Ansprache($s: Date!) { ansprachekandidaten(stichtag: $s, first: 4) { edges { node { person { id } } } } }`,
      { s: '2015-12-01' },
      { agency: 'agentur', role: 'integrationsfachkraft' },
    );
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({
        code: 'PARTNER_NICHT_ERREICHBAR',
        partner: 'auslaenderbehoerde',
        grund: 'VERBINDUNG_FEHLGESCHLAGEN',
      }),
    ]);
  });
});
