import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotenzDb } from '@ip/kit/idempotency';
import { startSubgraphUnderTest, type SubgraphUnderTest } from '@ip/kit/testing';
import { prepareDatabase, startFamilienkasse, type FamilienkasseDatabase } from '../src/server.ts';

let fk: SubgraphUnderTest<FamilienkasseDatabase>;
beforeAll(async () => {
  fk = await startSubgraphUnderTest({
    name: 'familienkasse',
    prepareDatabase,
    start: startFamilienkasse,
    caller: { agency: 'familienkasse', role: 'sachbearbeitung' },
  });
});
afterAll(async () => fk?.close());

const AUSGEBEN = `mutation($p: ID!, $am: Date, $a: ID) { antragspaketAusgeben(personId: $p, familienkasse: "123", ausgegebenAm: $am, anfrageId: $a) { id matrixCode ausgegebenAm } }`;
const P = (n: number) => `7a2e4c1b-3d5f-4e6a-8b9c-0d1e2f3a4b${String(n).padStart(2, '0')}`;
const pakete = async (personId: string) =>
  (await fk.db.selectFrom('antragspaket').select('id').where('personId', '=', personId).execute()).length;

describe('antragspaketAusgeben with an anfrageId', () => {
  it('issues one packet for 20 parallel sends of one request, and all 20 answers are the same', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fk.ask(AUSGEBEN, { p: P(1), a: 'paket-parallel-1' }, 'jobcenter', 'fallmanagement'),
      ),
    );
    expect(answers.map((answer) => answer.body.errors)).toEqual(Array(20).fill(undefined));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body.data))).size).toBe(1);
    expect(await pakete(P(1))).toBe(1);
  });

  it('issues a packet per send without an anfrageId, as before', async () => {
    await Promise.all([fk.ask(AUSGEBEN, { p: P(2) }), fk.ask(AUSGEBEN, { p: P(2) })]);
    expect(await pakete(P(2))).toBe(2);
  });

  it('refuses the same id with other input and writes nothing', async () => {
    await fk.ask(AUSGEBEN, { p: P(3), a: 'paket-wieder-1' });
    const other = await fk.ask(AUSGEBEN, { p: P(4), a: 'paket-wieder-1' });
    expect(other.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'anfrageId',
      grund: 'ANFRAGE_ID_WIEDERVERWENDET',
    });
    expect(other.body.data).toBeNull();
    expect(await pakete(P(4))).toBe(0);
  });

  it('keeps the ids of two agencies apart', async () => {
    const [jobcenter, familienkasse] = await Promise.all([
      fk.ask<{ antragspaketAusgeben: { id: string } }>(
        AUSGEBEN,
        { p: P(5), a: 'paket-gleich-1' },
        'jobcenter',
        'fallmanagement',
      ),
      fk.ask<{ antragspaketAusgeben: { id: string } }>(
        AUSGEBEN,
        { p: P(5), a: 'paket-gleich-1' },
        'familienkasse',
        'sachbearbeitung',
      ),
    ]);
    expect(jobcenter.body.data!.antragspaketAusgeben.id).not.toBe(familienkasse.body.data!.antragspaketAusgeben.id);
    expect(await pakete(P(5))).toBe(2);
  });

  it('keeps nothing of a refused first attempt: the corrected retry under the same id issues the packet', async () => {
    const refused = await fk.ask(AUSGEBEN, { p: P(6), am: '2099-01-01', a: 'paket-fehler-1' });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ausgegebenAm' });
    expect(
      await idempotenzDb(fk.db)
        .selectFrom('anfrageIdempotenz')
        .select('anfrageId')
        .where('anfrageId', '=', 'paket-fehler-1')
        .execute(),
    ).toEqual([]);
    const retried = await fk.ask(AUSGEBEN, { p: P(6), a: 'paket-fehler-1' });
    expect(retried.body.errors).toBeUndefined();
    expect(await pakete(P(6))).toBe(1);
  });

  it('answers the receipt of an envelope once under one id', async () => {
    const issued = await fk.ask<{ antragspaketAusgeben: { matrixCode: string } }>(AUSGEBEN, {
      p: P(7),
      am: '2015-11-02',
    });
    const ERFASSEN = `mutation($m: String!, $a: ID) { antragEingangErfassen(matrixCode: $m, eingangAm: "2015-11-10", anfrageId: $a) { id kindergeldnummer faelligAm } }`;
    const m = issued.body.data!.antragspaketAusgeben.matrixCode;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fk.ask(ERFASSEN, { m, a: 'eingang-parallel-1' })),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers[0]!.body.errors).toBeUndefined();
  });
});
