import type { Context } from '../context.ts';
import type { Abschlussgrund, SprachkursStatus } from '../db/tables.ts';
import { fallAbschliessen, fallEroeffnen, fallUebergeben, type FallEroeffnenEingabe, type UebergabeEingabe } from '../workflow/faelle.ts';
import { kompetenzfeststellungErfassen, sprachkursErfassen, sprachkursStatusSetzen, type KompetenzfeststellungEingabe, type SprachkursEingabe } from '../workflow/foerderung.ts';
import { kriteriumBeenden, kriteriumFestlegen } from '../workflow/kriterien.ts';
import { terminVereinbaren, type TerminEingabe } from '../workflow/termine.ts';

export const Mutation = {
  fallEroeffnen: (_: unknown, args: { eingabe: FallEroeffnenEingabe }, context: Context) => fallEroeffnen(context, args.eingabe),
  fallUebergeben: (_: unknown, args: { fallId: string; uebergabe: UebergabeEingabe }, context: Context) => fallUebergeben(context, args.fallId, args.uebergabe),
  fallAbschliessen: (_: unknown, args: { fallId: string; am: string; grund: Abschlussgrund; notiz?: string | null }, context: Context) => fallAbschliessen(context, args),
  kompetenzfeststellungErfassen: (_: unknown, args: { fallId: string; eingabe: KompetenzfeststellungEingabe }, context: Context) =>
    kompetenzfeststellungErfassen(context, args.fallId, args.eingabe),
  sprachkursErfassen: (_: unknown, args: { fallId: string; eingabe: SprachkursEingabe }, context: Context) => sprachkursErfassen(context, args.fallId, args.eingabe),
  sprachkursStatusSetzen: (_: unknown, args: { sprachkursId: string; status: SprachkursStatus; ende?: string | null }, context: Context) => sprachkursStatusSetzen(context, args),
  terminVereinbaren: (_: unknown, args: { eingabe: TerminEingabe }, context: Context) => terminVereinbaren(context, args.eingabe),
  bleibeperspektiveKriteriumFestlegen: (_: unknown, args: { staatsangehoerigkeit: string; gueltigAb: string; quelle: string }, context: Context) => kriteriumFestlegen(context, args),
  bleibeperspektiveKriteriumBeenden: (_: unknown, args: { kriteriumId: string; gueltigBis: string }, context: Context) => kriteriumBeenden(context, args),
};
