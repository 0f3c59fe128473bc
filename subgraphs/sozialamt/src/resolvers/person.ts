import type { GraphQLResolveInfo } from 'graphql';
import type { PersonReference } from '@ip/kit';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { VorgangRow } from '../db/tables.ts';
import type { PersonResolvers } from '../generated/resolvers.ts';
import { Kategorie } from '../policy.ts';

export const Person = {
  /** The Sozialamt (AsylbLG) is no person registry: any reference resolves, its fields then say what it knows. */
  __resolveReference: (reference: PersonReference): PersonReference => ({ id: reference.id }),

  sozialamtVorgaenge(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<VorgangRow[]> {
    return released(context, person.id, Kategorie.SOZIALAMT_VORGANG, info, () =>
      context.loaders.vorgaengeByPerson.load(person.id),
    );
  },
} satisfies PersonResolvers;
