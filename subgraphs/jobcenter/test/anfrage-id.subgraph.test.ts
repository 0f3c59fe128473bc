import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotenzDb } from '@ip/kit/idempotency';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { prepareDatabase, startJobcenter, type JobcenterDatabase } from '../src/server.ts';

let jc: SubgraphUnderTest<JobcenterDatabase>;
let bgId: string;
const OPEN = `mutation($n: String!, $m: [BgMitgliedInput!]!, $a: ID) { bedarfsgemeinschaftEroeffnen(bgNummer: $n, gegruendetAm: "2015-11-02", mitglieder: $m, anfrageId: $a) { id bgNummer } }`;
const antragsteller = () => [
  { personId: randomUUID(), rolle: 'ANTRAGSTELLENDE_PERSON', geburtsdatum: '1980-01-01', seit: '2015-11-02' },
];
beforeAll(async () => {
  jc = await startSubgraphUnderTest({
    name: 'jobcenter',
    prepareDatabase,
    start: startJobcenter,
    caller: { agency: 'jobcenter', role: 'sachbearbeitung' },
  });
  bgId = (
    await jc.ask<{ bedarfsgemeinschaftEroeffnen: { id: string } }>(OPEN, { n: '36201BG0000901', m: antragsteller() })
  ).body.data!.bedarfsgemeinschaftEroeffnen.id;
});
afterAll(async () => jc?.close());

const ERFASSEN = `mutation($bg: ID!, $e: Date!, $a: ID) { leistungsantragErfassen(bgId: $bg, eingangAm: $e, anfrageId: $a) { id eingangAm status } }`;
const antraege = async (eingangAm: string) =>
  (
    await jc.db
      .selectFrom('leistungsantrag')
      .select('id')
      .where('bedarfsgemeinschaftId', '=', bgId)
      .where('eingangAm', '=', eingangAm)
      .execute()
  ).length;
const RECORD = `mutation($e: EinwilligungserklaerungInput!, $a: ID) { einwilligungErfassenJobcenter(erklaerung: $e, anfrageId: $a) { id } }`;
const erklaerung = () => ({
  id: randomUUID(),
  personId: randomUUID(),
  unterschriebenAm: '2015-11-02',
  zweck: 'Gemeinsame Beratung im Integration Point',
  verweigerungsfolgenErklaert: true,
  freigaben: [{ von: 'JOBCENTER', an: 'AGENTUR', kategorien: ['LEISTUNGEN'] }],
});

describe('Jobcenter mutations with an anfrageId', () => {
  it('record one application for 20 parallel sends of one request, with 20 equal answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => jc.ask(ERFASSEN, { bg: bgId, e: '2015-11-03', a: 'antrag-parallel-1' })),
    );
    expect(answers.map((answer) => answer.body.errors)).toEqual(Array(20).fill(undefined));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body.data))).size).toBe(1);
    expect(await antraege('2015-11-03')).toBe(1);
  });

  it('record an application per send without an anfrageId, as before', async () => {
    await Promise.all([
      jc.ask(ERFASSEN, { bg: bgId, e: '2015-11-04' }),
      jc.ask(ERFASSEN, { bg: bgId, e: '2015-11-04' }),
    ]);
    expect(await antraege('2015-11-04')).toBe(2);
  });

  it('refuse the same id with other input and write nothing', async () => {
    await jc.ask(ERFASSEN, { bg: bgId, e: '2015-11-05', a: 'antrag-wieder-1' });
    const other = await jc.ask(ERFASSEN, { bg: bgId, e: '2015-11-06', a: 'antrag-wieder-1' });
    expect(other.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
    expect(await antraege('2015-11-06')).toBe(0);
  });

  it('keep nothing of a refused first attempt: the corrected retry under the same id opens the BG', async () => {
    const taken = antragsteller();
    await jc.ask(OPEN, { n: '36201BG0000902', m: taken });
    const refused = await jc.ask(OPEN, { n: '36201BG0000903', m: taken, a: 'bg-fehler-1' });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mitglieder' });
    expect(
      await idempotenzDb(jc.db)
        .selectFrom('anfrageIdempotenz')
        .select('anfrageId')
        .where('anfrageId', '=', 'bg-fehler-1')
        .execute(),
    ).toEqual([]);
    const retried = await jc.ask(OPEN, { n: '36201BG0000903', m: antragsteller(), a: 'bg-fehler-1' });
    expect(retried.body.errors).toBeUndefined();
    expect(
      await jc.db.selectFrom('bedarfsgemeinschaft').select('id').where('bgNummer', '=', '36201BG0000903').execute(),
    ).toHaveLength(1);
  });

  it('keep the ids of two agencies apart (the intake desk and the Jobcenter record declarations)', async () => {
    const [desk, own] = await Promise.all([
      jc.ask(RECORD, { e: erklaerung(), a: 'erklaerung-gleich-1' }, 'agentur', 'eingangszone'),
      jc.ask(RECORD, { e: erklaerung(), a: 'erklaerung-gleich-1' }, 'jobcenter', 'fallmanagement'),
    ]);
    expect([desk.body.errors, own.body.errors]).toEqual([undefined, undefined]);
    const keys = await idempotenzDb(jc.db)
      .selectFrom('anfrageIdempotenz')
      .select('behoerde')
      .where('anfrageId', '=', 'erklaerung-gleich-1')
      .orderBy('behoerde')
      .execute();
    expect(keys).toEqual([{ behoerde: 'agentur' }, { behoerde: 'jobcenter' }]);
  });
});
