import { anfrage, byId, idempotent } from '@ip/kit/idempotency';
import { contextOn, type Context } from '../context.ts';
import { findStatusklaerungById } from '../db/statusklaerung.repository.ts';
import type { Anliegen, PersonRow, StatusklaerungRow } from '../db/tables.ts';
import { aufenthaltsfaktenErfassen, type FaktenEingabe } from '../workflow/fakten-erfassen.ts';
import { aufenthaltsstatusErfassen, type StatusEingabe } from '../workflow/status-erfassen.ts';
import {
  statusklaerungAnfragen,
  statusklaerungBeantworten,
  statusklaerungZurueckziehen,
} from '../workflow/statusklaerung.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';

type MitAnfrageId = { readonly anfrageId?: string | null };

/** Mutations answer the person's `Aufenthalt` as it stands after the change. */
async function aufenthalt(context: Context, personId: string): Promise<PersonRow> {
  return (await context.loaders.person.load(personId))!;
}

/** A change to a person's record, run at most once per request id; a retry answers the person as it stands. */
async function einmalFuerPerson(
  context: Context,
  mutation: string,
  args: { personId: string } & MitAnfrageId,
  work: (context: Context) => Promise<void>,
) {
  await idempotent(context.db, anfrage(mutation, args, context.access.caller), {
    run: async (db) => {
      await work(contextOn(context, db));
      return args.personId;
    },
    reference: (personId) => personId,
    reload: async (_, personId) => personId,
  });
  return aufenthalt(context, args.personId);
}

export const Mutation = {
  aufenthaltsstatusErfassen: (
    _: unknown,
    args: { personId: string; status: StatusEingabe } & MitAnfrageId,
    context: Context,
  ): Promise<PersonRow> =>
    einmalFuerPerson(context, 'aufenthaltsstatusErfassen', args, (on) =>
      aufenthaltsstatusErfassen(on, args.personId, args.status),
    ),
  aufenthaltsfaktenErfassen: (
    _: unknown,
    args: { personId: string; fakten: FaktenEingabe } & MitAnfrageId,
    context: Context,
  ): Promise<PersonRow> =>
    einmalFuerPerson(context, 'aufenthaltsfaktenErfassen', args, (on) =>
      aufenthaltsfaktenErfassen(on, args.personId, args.fakten),
    ),
  statusklaerungAnfragen: (
    _: unknown,
    args: { personId: string; anliegen: Anliegen; frage: string } & MitAnfrageId,
    context: Context,
  ): Promise<StatusklaerungRow> =>
    idempotent(context.db, anfrage('statusklaerungAnfragen', args, context.access.caller), {
      run: (db) => statusklaerungAnfragen(contextOn(context, db), args.personId, args.anliegen, args.frage),
      reference: byId,
      reload: findStatusklaerungById,
    }),
  statusklaerungBeantworten: (
    _: unknown,
    args: { id: string; antwort: string; neuerStatus?: StatusEingabe | null },
    context: Context,
  ): Promise<StatusklaerungRow> => statusklaerungBeantworten(context, args.id, args.antwort, args.neuerStatus),
  statusklaerungZurueckziehen: (_: unknown, args: { id: string }, context: Context): Promise<StatusklaerungRow> =>
    statusklaerungZurueckziehen(context, args.id),
} satisfies MutationResolvers;
