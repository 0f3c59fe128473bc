import type { GraphQLResolveInfo } from 'graphql';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { LeistungszeitraumRow } from '../db/tables.ts';
import { sgb2Anschluss } from '../domain/leistungsende.ts';
import { Kategorie } from '../policy.ts';
import type { PersonResolvers } from '../generated/resolvers.ts';

interface PersonReference {
  readonly id: string;
}

/** The end as the Sozialamt recorded it on the period the entitlement ended with; none while one runs on. */
function ende(zeitraeume: readonly LeistungszeitraumRow[]) {
  const letzter = zeitraeume.at(-1);
  if (!letzter || letzter.bis === null || letzter.endeGrund === null) return null;
  const anschluss = sgb2Anschluss({ letzterTag: letzter.bis, grund: letzter.endeGrund });
  return {
    letzterTag: letzter.bis,
    grund: letzter.endeGrund,
    sgb2Ab: anschluss?.ab ?? null,
    sgb2AntragSpaetestens: anschluss?.antragSpaetestens ?? null,
  };
}

export const Person = {
  /** The Sozialamt is no person registry: any reference resolves, its fields then say what it knows. */
  __resolveReference(reference: PersonReference): PersonReference {
    return { id: reference.id };
  },

  asylbewerberleistungen(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<LeistungszeitraumRow[]> {
    return released(context, person.id, Kategorie.ASYLBEWERBERLEISTUNGEN, info, () =>
      context.loaders.zeitraeumeByPerson.load(person.id),
    );
  },

  asylblgEnde(person: PersonReference, _: unknown, context: Context, info: GraphQLResolveInfo) {
    return released(context, person.id, Kategorie.ASYLBEWERBERLEISTUNGEN, info, async () =>
      ende(await context.loaders.zeitraeumeByPerson.load(person.id)),
    );
  },
} satisfies PersonResolvers;
