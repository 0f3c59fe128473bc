import type { Context } from '../context.ts';
import type { AntragspaketRow, KindergeldAntragRow } from '../db/tables.ts';
import { antragBescheiden, type BescheidEingabe } from '../workflow/antrag-bescheiden.ts';
import { antragEingangErfassen } from '../workflow/antrag-eingang.ts';
import { antragspaketAusgeben, type PaketEingabe } from '../workflow/antragspaket-ausgeben.ts';

export const Mutation = {
  antragspaketAusgeben: (_: unknown, args: PaketEingabe, context: Context): Promise<AntragspaketRow> => antragspaketAusgeben(context, args),
  antragEingangErfassen: (_: unknown, args: { matrixCode: string; eingangAm: string }, context: Context): Promise<KindergeldAntragRow> =>
    antragEingangErfassen(context, args.matrixCode, args.eingangAm),
  antragBescheiden: (_: unknown, args: BescheidEingabe, context: Context): Promise<KindergeldAntragRow> => antragBescheiden(context, args),
};
