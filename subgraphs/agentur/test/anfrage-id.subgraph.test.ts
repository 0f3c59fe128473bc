import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotenzDb } from '@ip/kit/idempotency';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { prepareDatabase, startAgentur, type AgenturDatabase } from '../src/server.ts';

let ag: SubgraphUnderTest<AgenturDatabase>;
const FACHKRAFT = randomUUID();
beforeAll(async () => {
  ag = await startSubgraphUnderTest({
    name: 'agentur',
    prepareDatabase,
    start: startAgentur,
    caller: { agency: 'agentur', role: 'eingangszone' },
  });
  await ag.db
    .insertInto('integrationsfachkraft')
    .values({ id: FACHKRAFT, name: 'Test', integrationPoint: 'Integration Point Dortmund', agenturbezirk: 'Dortmund' })
    .execute();
});
afterAll(async () => ag?.close());

const EROEFFNEN = `mutation($e: FallEroeffnenInput!, $a: ID) { fallEroeffnen(eingabe: $e, anfrageId: $a) { id status kundennummer eroeffnetAm } }`;
const eingabe = (personId: string, kundennummer: string) => ({
  personId,
  kundennummer,
  eroeffnetAm: '2016-08-16',
  integrationsfachkraftId: FACHKRAFT,
  zugangsweg: 'INITIATIVANSPRACHE',
});
const faelle = async (personId: string) =>
  (await ag.db.selectFrom('fall').select('id').where('personId', '=', personId).execute()).length;
const RECORD = `mutation($e: EinwilligungserklaerungInput!, $a: ID) { einwilligungErfassenAgentur(erklaerung: $e, anfrageId: $a) { id } }`;
const erklaerung = (personId: string) => ({
  id: randomUUID(),
  personId,
  unterschriebenAm: '2015-11-02',
  zweck: 'Gemeinsame Beratung im Integration Point',
  verweigerungsfolgenErklaert: true,
  freigaben: [{ von: 'AGENTUR', an: 'JOBCENTER', kategorien: ['FALL'] }],
});

describe('Agentur mutations with an anfrageId', () => {
  it('open one case for 20 parallel sends of one intake, with 20 equal answers', async () => {
    const person = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => ag.ask(EROEFFNEN, { e: eingabe(person, '962D200001'), a: 'fall-parallel-1' })),
    );
    expect(answers.map((answer) => answer.body.errors)).toEqual(Array(20).fill(undefined));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body.data))).size).toBe(1);
    expect(await faelle(person)).toBe(1);
  });

  it('refuse the same id with another intake and write nothing', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    await ag.ask(EROEFFNEN, { e: eingabe(first, '962D200002'), a: 'fall-wieder-1' });
    const other = await ag.ask(EROEFFNEN, { e: eingabe(second, '962D200003'), a: 'fall-wieder-1' });
    expect(other.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
    expect(await faelle(second)).toBe(0);
    expect(
      await ag.db.selectFrom('kundennummer').selectAll().where('kundennummer', '=', '962D200003').execute(),
    ).toEqual([]);
  });

  it('keep nothing of a refused first attempt: the corrected retry under the same id opens the case', async () => {
    const person = randomUUID();
    const refused = await ag.ask(EROEFFNEN, {
      e: { ...eingabe(person, '962D200004'), integrationsfachkraftId: randomUUID() },
      a: 'fall-fehler-1',
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eingabe.integrationsfachkraftId',
    });
    const retried = await ag.ask(EROEFFNEN, { e: eingabe(person, '962D200004'), a: 'fall-fehler-1' });
    expect(retried.body.errors).toBeUndefined();
    expect(await faelle(person)).toBe(1);
  });

  // Only the Agentur's own staff create here, so the agencies' separate keys are tested where two agencies may ask.
  it("refuse one user's id to another user of the Agentur (declarations of consent)", async () => {
    const person = randomUUID();
    // One after the other: in parallel either may take the id first, and the test would assume which.
    const desk = await ag.ask(RECORD, { e: erklaerung(person), a: 'erklaerung-gleich-1' }, 'agentur', 'eingangszone');
    const own = await ag.ask(
      RECORD,
      { e: erklaerung(person), a: 'erklaerung-gleich-1' },
      'agentur',
      'integrationsfachkraft',
    );
    expect(desk.body.errors).toBeUndefined();
    expect(own.body.errors?.[0]?.extensions).toMatchObject({ grund: 'ANFRAGE_ID_WIEDERVERWENDET' });
    const keys = await idempotenzDb(ag.db)
      .selectFrom('anfrageIdempotenz')
      .select('behoerde')
      .where('anfrageId', '=', 'erklaerung-gleich-1')
      .execute();
    expect(keys).toEqual([{ behoerde: 'agentur' }]);
  });
});
