import type { Context } from '../context.ts';
import type { Anliegen, PersonRow, StatusklaerungRow } from '../db/tables.ts';
import { aufenthaltsfaktenErfassen, type FaktenEingabe } from '../workflow/fakten-erfassen.ts';
import { aufenthaltsstatusErfassen, type StatusEingabe } from '../workflow/status-erfassen.ts';
import { statusklaerungAnfragen, statusklaerungBeantworten, statusklaerungZurueckziehen } from '../workflow/statusklaerung.ts';

/** Mutations answer the person's `Aufenthalt` as it stands after the change. */
async function aufenthalt(context: Context, personId: string): Promise<PersonRow> {
  return (await context.loaders.person.load(personId))!;
}

export const Mutation = {
  async aufenthaltsstatusErfassen(_: unknown, args: { personId: string; status: StatusEingabe }, context: Context): Promise<PersonRow> {
    await aufenthaltsstatusErfassen(context, args.personId, args.status);
    return aufenthalt(context, args.personId);
  },
  async aufenthaltsfaktenErfassen(_: unknown, args: { personId: string; fakten: FaktenEingabe }, context: Context): Promise<PersonRow> {
    await aufenthaltsfaktenErfassen(context, args.personId, args.fakten);
    return aufenthalt(context, args.personId);
  },
  statusklaerungAnfragen: (_: unknown, args: { personId: string; anliegen: Anliegen; frage: string }, context: Context): Promise<StatusklaerungRow> =>
    statusklaerungAnfragen(context, args.personId, args.anliegen, args.frage),
  statusklaerungBeantworten: (_: unknown, args: { id: string; antwort: string; neuerStatus?: StatusEingabe | null }, context: Context): Promise<StatusklaerungRow> =>
    statusklaerungBeantworten(context, args.id, args.antwort, args.neuerStatus),
  statusklaerungZurueckziehen: (_: unknown, args: { id: string }, context: Context): Promise<StatusklaerungRow> => statusklaerungZurueckziehen(context, args.id),
};
