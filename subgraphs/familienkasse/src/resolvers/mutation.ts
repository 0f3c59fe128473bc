import { anfrage, byId, idempotent } from '@ip/kit/idempotency';
import { contextOn, type Context } from '../context.ts';
import { findAntragspaketeByIds } from '../db/antragspaket.repository.ts';
import { findAntraegeByIds } from '../db/kindergeld.repository.ts';
import type { AntragspaketRow, KindergeldAntragRow } from '../db/tables.ts';
import { antragBescheiden, type BescheidEingabe } from '../workflow/antrag-bescheiden.ts';
import { antragEingangErfassen } from '../workflow/antrag-eingang.ts';
import { antragspaketAusgeben, type PaketEingabe } from '../workflow/antragspaket-ausgeben.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';

type MitAnfrageId = { readonly anfrageId?: string | null };

export const Mutation = {
  antragspaketAusgeben: (_: unknown, args: PaketEingabe & MitAnfrageId, context: Context): Promise<AntragspaketRow> =>
    idempotent(context.db, anfrage('antragspaketAusgeben', args, context.access.caller), {
      run: (db) => antragspaketAusgeben(contextOn(context, db), args),
      reference: byId,
      reload: async (db, id) => (await findAntragspaketeByIds(db, [id]))[0],
    }),
  // Already idempotent on the envelope's matrix code; the request id makes retries answer alike everywhere.
  antragEingangErfassen: (
    _: unknown,
    args: { matrixCode: string; eingangAm: string } & MitAnfrageId,
    context: Context,
  ): Promise<KindergeldAntragRow> =>
    idempotent(context.db, anfrage('antragEingangErfassen', args, context.access.caller), {
      run: (db) => antragEingangErfassen(contextOn(context, db), args.matrixCode, args.eingangAm),
      reference: byId,
      reload: async (db, id) => (await findAntraegeByIds(db, [id]))[0],
    }),
  antragBescheiden: (_: unknown, args: BescheidEingabe, context: Context): Promise<KindergeldAntragRow> =>
    antragBescheiden(context, args),
} satisfies MutationResolvers;
