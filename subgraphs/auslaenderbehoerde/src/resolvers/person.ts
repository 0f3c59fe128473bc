import type { GraphQLResolveInfo } from 'graphql';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { AufenthaltsstatusRow, PersonRow } from '../db/tables.ts';
import { Kategorie } from '../policy.ts';
import type { AufenthaltResolvers, PersonResolvers } from '../generated/resolvers.ts';

export const Person = {
  async __resolveReference(reference: { id: string }, context: Context): Promise<PersonRow | null> {
    return context.loaders.person.load(reference.id);
  },

  identitaet(person: PersonRow, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<PersonRow> {
    return released(context, person.id, Kategorie.IDENTITAET, info, () => person);
  },

  aufenthalt(person: PersonRow, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<PersonRow> {
    return released(context, person.id, Kategorie.AUFENTHALT, info, () => person);
  },
} satisfies PersonResolvers;

export const Aufenthalt = {
  async status(person: PersonRow, _: unknown, context: Context): Promise<AufenthaltsstatusRow | null> {
    const verlauf = await context.loaders.statusverlauf.load(person.id);
    return verlauf.findLast((period) => period.gueltigBis === null) ?? null;
  },

  async verlauf(person: PersonRow, _: unknown, context: Context): Promise<AufenthaltsstatusRow[]> {
    return context.loaders.statusverlauf.load(person.id);
  },

  verbot60aAbs6: (person: PersonRow): boolean => person.verbot60aAbs6Grund !== null,
  aufenthaltSeit: (person: PersonRow): string => person.aufenthaltSeit ?? person.einreiseAm,
} satisfies AufenthaltResolvers;
