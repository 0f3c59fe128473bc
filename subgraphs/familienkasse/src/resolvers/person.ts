import type { GraphQLResolveInfo } from 'graphql';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { KindergeldAntragRow, KindRow } from '../db/tables.ts';
import { Kategorie } from '../policy.ts';

interface PersonReference {
  readonly id: string;
}

export const Person = {
  /** The Familienkasse is no person registry: any reference resolves, its fields then say what it knows. */
  __resolveReference(reference: PersonReference): PersonReference {
    return { id: reference.id };
  },

  kindergeldantraege(person: PersonReference, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<KindergeldAntragRow[]> {
    return released(context, person.id, Kategorie.KINDERGELD, info, () => context.loaders.antraegeByPerson.load(person.id));
  },
};

export const KindergeldAntrag = {
  kinder(antrag: KindergeldAntragRow, _: unknown, context: Context): Promise<KindRow[]> {
    return context.loaders.kinderByAntrag.load(antrag.id);
  },
};

export const Kind = {
  person(kind: KindRow): PersonReference | null {
    return kind.personId ? { id: kind.personId } : null;
  },
};
