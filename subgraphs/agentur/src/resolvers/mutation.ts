import { anfrage, byId, idempotent, type IdempotentWork } from '@ip/kit/idempotency';
import type { Kysely } from 'kysely';
import { contextOn, type Context } from '../context.ts';
import { findFaelleByIds } from '../db/fall.repository.ts';
import { findKompetenzfeststellungById, findSprachkursById } from '../db/foerderung.repository.ts';
import { findKriteriumById } from '../db/kriterium.repository.ts';
import type { Abschlussgrund, AgenturDatabase, SprachkursStatus } from '../db/tables.ts';
import { findTerminById } from '../db/termin.repository.ts';
import {
  fallAbschliessen,
  fallEroeffnen,
  fallUebergeben,
  type FallEroeffnenEingabe,
  type UebergabeEingabe,
} from '../workflow/faelle.ts';
import {
  kompetenzfeststellungErfassen,
  sprachkursErfassen,
  sprachkursStatusSetzen,
  type KompetenzfeststellungEingabe,
  type SprachkursEingabe,
} from '../workflow/foerderung.ts';
import { kriteriumBeenden, kriteriumFestlegen } from '../workflow/kriterien.ts';
import { terminVereinbaren, type TerminEingabe } from '../workflow/termine.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';

type MitAnfrageId = { readonly anfrageId?: string | null };

/** Creates at most once per request id: the work runs on the idempotency transaction, a retry reads the entity again. */
function einmal<T extends { readonly id: string }>(
  context: Context,
  mutation: string,
  args: MitAnfrageId,
  work: (context: Context) => Promise<T>,
  reload: IdempotentWork<AgenturDatabase, T>['reload'],
): Promise<T> {
  return idempotent(context.db, anfrage(mutation, args, context.access.caller), {
    run: (db) => work(contextOn(context, db)),
    reference: byId,
    reload,
  });
}

const fallById = async (db: Kysely<AgenturDatabase>, id: string) => (await findFaelleByIds(db, [id]))[0];

export const Mutation = {
  fallEroeffnen: (_: unknown, args: { eingabe: FallEroeffnenEingabe } & MitAnfrageId, context: Context) =>
    einmal(context, 'fallEroeffnen', args, (on) => fallEroeffnen(on, args.eingabe), fallById),
  fallUebergeben: (_: unknown, args: { fallId: string; uebergabe: UebergabeEingabe }, context: Context) =>
    fallUebergeben(context, args.fallId, args.uebergabe),
  fallAbschliessen: (
    _: unknown,
    args: { fallId: string; am: string; grund: Abschlussgrund; notiz?: string | null },
    context: Context,
  ) => fallAbschliessen(context, args),
  kompetenzfeststellungErfassen: (
    _: unknown,
    args: { fallId: string; eingabe: KompetenzfeststellungEingabe } & MitAnfrageId,
    context: Context,
  ) =>
    einmal(
      context,
      'kompetenzfeststellungErfassen',
      args,
      (on) => kompetenzfeststellungErfassen(on, args.fallId, args.eingabe),
      findKompetenzfeststellungById,
    ),
  sprachkursErfassen: (
    _: unknown,
    args: { fallId: string; eingabe: SprachkursEingabe } & MitAnfrageId,
    context: Context,
  ) =>
    einmal(
      context,
      'sprachkursErfassen',
      args,
      (on) => sprachkursErfassen(on, args.fallId, args.eingabe),
      findSprachkursById,
    ),
  sprachkursStatusSetzen: (
    _: unknown,
    args: { sprachkursId: string; status: SprachkursStatus; ende?: string | null },
    context: Context,
  ) => sprachkursStatusSetzen(context, args),
  terminVereinbaren: (_: unknown, args: { eingabe: TerminEingabe } & MitAnfrageId, context: Context) =>
    einmal(context, 'terminVereinbaren', args, (on) => terminVereinbaren(on, args.eingabe), findTerminById),
  bleibeperspektiveKriteriumFestlegen: (
    _: unknown,
    args: { staatsangehoerigkeit: string; gueltigAb: string; quelle: string } & MitAnfrageId,
    context: Context,
  ) =>
    einmal(
      context,
      'bleibeperspektiveKriteriumFestlegen',
      args,
      (on) => kriteriumFestlegen(on, args),
      findKriteriumById,
    ),
  bleibeperspektiveKriteriumBeenden: (
    _: unknown,
    args: { kriteriumId: string; gueltigBis: string },
    context: Context,
  ) => kriteriumBeenden(context, args),
} satisfies MutationResolvers;
