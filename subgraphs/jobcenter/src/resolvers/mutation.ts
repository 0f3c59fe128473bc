import type { Context } from '../context.ts';
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

/** Answers a Bedarfsgemeinschaft as the Person field does: reached through its applicant. */
const alsSicht = async (context: Context, bg: BedarfsgemeinschaftRow) => {
  const [antragsteller] = await context.loaders.mitgliederByBg.load(bg.id);
  return { ...bg, viaPersonId: antragsteller?.personId ?? '' };
};

export const Mutation = {
  async bedarfsgemeinschaftEroeffnen(_: unknown, args: { bgNummer: string; gegruendetAm: string; mitglieder: MitgliedEingabe[] }, context: Context) {
    return alsSicht(context, await bedarfsgemeinschaftEroeffnen(context, args.bgNummer, args.gegruendetAm, args.mitglieder));
  },
  async bgMitgliedHinzufuegen(_: unknown, args: { bgId: string; mitglied: MitgliedEingabe }, context: Context) {
    return alsSicht(context, await bgMitgliedHinzufuegen(context, args.bgId, args.mitglied));
  },
  leistungsantragErfassen: (_: unknown, args: { bgId: string; eingangAm: string }, context: Context): Promise<LeistungsantragRow> =>
    leistungsantragErfassen(context, args.bgId, args.eingangAm),
  leistungsantragBescheiden: (_: unknown, args: BescheidArgs, context: Context): Promise<LeistungsantragRow> => leistungsantragBescheiden(context, args),
  async rechtskreiswechselErfassen(_: unknown, args: WechselArgs, context: Context): Promise<RechtskreiswechselRow> {
    const personId = await rechtskreiswechselErfassen(context, args);
    return (await context.loaders.wechselByPerson.load(personId))!;
  },
};
