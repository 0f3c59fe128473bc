import type { Context } from '../context.ts';
import type { AufenthaltsstatusRow, PersonRow } from '../db/tables.ts';

export const Person = {
  async __resolveReference(reference: { id: string }, context: Context): Promise<PersonRow | null> {
    return context.loaders.person.load(reference.id);
  },

  identitaet(person: PersonRow): PersonRow {
    return person;
  },

  aufenthalt(person: PersonRow): PersonRow {
    return person;
  },
};

export const Aufenthalt = {
  async status(person: PersonRow, _: unknown, context: Context): Promise<AufenthaltsstatusRow | null> {
    const verlauf = await context.loaders.statusverlauf.load(person.id);
    return verlauf.findLast((period) => period.gueltigBis === null) ?? null;
  },

  async verlauf(person: PersonRow, _: unknown, context: Context): Promise<AufenthaltsstatusRow[]> {
    return context.loaders.statusverlauf.load(person.id);
  },
};
