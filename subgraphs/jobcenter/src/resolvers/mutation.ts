import { anfrage, byId, idempotent } from '@ip/kit/idempotency';
import { contextOn, type Context } from '../context.ts';
import { findBgById, findLeistungsantragById } from '../db/bedarfsgemeinschaft.repository.ts';
import { findWechselByPersonIds } from '../db/rechtskreiswechsel.repository.ts';
import type { BedarfsgemeinschaftRow, LeistungsantragRow, RechtskreiswechselRow } from '../db/tables.ts';
import type { MitgliedEingabe } from '../domain/bg-regeln.ts';
import {
  bedarfsgemeinschaftEroeffnen,
  bgMitgliedHinzufuegen,
  leistungsantragBescheiden,
  leistungsantragErfassen,
  rechtskreiswechselErfassen,
  type BescheidArgs,
  type WechselArgs,
} from '../workflow/jobcenter-arbeit.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';

type MitAnfrageId = { readonly anfrageId?: string | null };

/** Answers a Bedarfsgemeinschaft as the Person field does: reached through its applicant. */
const alsSicht = async (context: Context, bg: BedarfsgemeinschaftRow) => {
  const [antragsteller] = await context.loaders.mitgliederByBg.load(bg.id);
  return { ...bg, viaPersonId: antragsteller?.personId ?? '' };
};

/** A change to a Bedarfsgemeinschaft, run at most once per request id; a retry answers the BG as it stands. */
const einmalFuerBg = (
  context: Context,
  mutation: string,
  args: MitAnfrageId,
  work: (context: Context) => Promise<BedarfsgemeinschaftRow>,
) =>
  idempotent(context.db, anfrage(mutation, args, context.access.caller), {
    run: (db) => work(contextOn(context, db)),
    reference: byId,
    reload: findBgById,
  });

export const Mutation = {
  async bedarfsgemeinschaftEroeffnen(
    _: unknown,
    args: { bgNummer: string; gegruendetAm: string; mitglieder: readonly MitgliedEingabe[] } & MitAnfrageId,
    context: Context,
  ) {
    const bg = await einmalFuerBg(context, 'bedarfsgemeinschaftEroeffnen', args, (on) =>
      bedarfsgemeinschaftEroeffnen(on, args.bgNummer, args.gegruendetAm, args.mitglieder),
    );
    return alsSicht(context, bg);
  },
  async bgMitgliedHinzufuegen(
    _: unknown,
    args: { bgId: string; mitglied: MitgliedEingabe } & MitAnfrageId,
    context: Context,
  ) {
    return alsSicht(
      context,
      await einmalFuerBg(context, 'bgMitgliedHinzufuegen', args, (on) =>
        bgMitgliedHinzufuegen(on, args.bgId, args.mitglied),
      ),
    );
  },
  leistungsantragErfassen: (
    _: unknown,
    args: { bgId: string; eingangAm: string } & MitAnfrageId,
    context: Context,
  ): Promise<LeistungsantragRow> =>
    idempotent(context.db, anfrage('leistungsantragErfassen', args, context.access.caller), {
      run: (db) => leistungsantragErfassen(contextOn(context, db), args.bgId, args.eingangAm),
      reference: byId,
      reload: findLeistungsantragById,
    }),
  leistungsantragBescheiden: (_: unknown, args: BescheidArgs, context: Context): Promise<LeistungsantragRow> =>
    leistungsantragBescheiden(context, args),
  async rechtskreiswechselErfassen(
    _: unknown,
    args: WechselArgs & MitAnfrageId,
    context: Context,
  ): Promise<RechtskreiswechselRow> {
    const personId = await idempotent(context.db, anfrage('rechtskreiswechselErfassen', args, context.access.caller), {
      run: (db) => rechtskreiswechselErfassen(contextOn(context, db), args),
      reference: (id) => id,
      reload: async (db, id) => (await findWechselByPersonIds(db, [id]))[0]?.personId,
    });
    return (await context.loaders.wechselByPerson.load(personId))!;
  },
} satisfies MutationResolvers;
