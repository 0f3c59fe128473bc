import type { GraphQLResolveInfo } from 'graphql';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { FallEreignisRow, FallRow, IntegrationsfachkraftRow } from '../db/tables.ts';
import { Kategorie } from '../policy.ts';

interface PersonReference {
  readonly id: string;
}

export const Person = {
  /** The Agentur is no person registry: any reference resolves, its fields then say what it knows. */
  __resolveReference(reference: PersonReference): PersonReference {
    return { id: reference.id };
  },

  integrationPointFall(person: PersonReference, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<FallRow | null> {
    return released(context, person.id, Kategorie.FALL, info, () => context.loaders.fallByPerson.load(person.id));
  },
};

export const Fall = {
  integrationsfachkraft(fall: FallRow, _: unknown, context: Context): Promise<IntegrationsfachkraftRow | null> | null {
    return fall.integrationsfachkraftId ? context.loaders.fachkraft.load(fall.integrationsfachkraftId) : null;
  },

  verlauf(fall: FallRow, _: unknown, context: Context): Promise<FallEreignisRow[]> {
    return context.loaders.ereignisseByFall.load(fall.id);
  },
};
