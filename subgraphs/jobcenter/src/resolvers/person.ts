import type { GraphQLResolveInfo } from 'graphql';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { BedarfsgemeinschaftRow, BgMitgliedRow, LeistungsantragRow, Sgb2Leistungsstatus } from '../db/tables.ts';
import { Kategorie } from '../policy.ts';
import type { BedarfsgemeinschaftResolvers, BgMitgliedResolvers, PersonResolvers } from '../generated/resolvers.ts';

interface PersonReference {
  readonly id: string;
}

/** A Bedarfsgemeinschaft as reached through one person: releases of its benefits are decided for that person. */
export type BgView = BedarfsgemeinschaftRow & { readonly viaPersonId: string };

export const Person = {
  /**
   * The Jobcenter is no person registry: any reference resolves, its fields then say what it knows. The
   * representation is kept whole: it carries what other owners released for the `@requires` fields.
   */
  __resolveReference(reference: PersonReference): PersonReference {
    return reference;
  },

  bedarfsgemeinschaft(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<BgView | null> {
    return released(context, person.id, Kategorie.BEDARFSGEMEINSCHAFT, info, async () => {
      const bg = await context.loaders.bgByPerson.load(person.id);
      return bg && { ...bg, viaPersonId: person.id };
    });
  },

  sgb2Leistungsstatus(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<Sgb2Leistungsstatus | null> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, async () => {
      const bg = await context.loaders.bgByPerson.load(person.id);
      if (!bg) return null;
      return (await context.loaders.antraegeByBg.load(bg.id)).at(-1)?.status ?? null;
    });
  },
} satisfies PersonResolvers;

export const Bedarfsgemeinschaft = {
  mitglieder(bg: BgView, _: unknown, context: Context): Promise<BgMitgliedRow[]> {
    return context.loaders.mitgliederByBg.load(bg.id);
  },

  leistungsantraege(bg: BgView, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<LeistungsantragRow[]> {
    return released(context, bg.viaPersonId, Kategorie.LEISTUNGEN, info, () =>
      context.loaders.antraegeByBg.load(bg.id),
    );
  },
} satisfies BedarfsgemeinschaftResolvers;

export const BgMitglied = {
  person(mitglied: BgMitgliedRow): PersonReference {
    return { id: mitglied.personId };
  },
} satisfies BgMitgliedResolvers;
