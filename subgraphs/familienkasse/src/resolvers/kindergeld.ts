import type { GraphQLResolveInfo } from 'graphql';
import type { IsoDate } from '@ip/kit';
import { BEHOERDE, released, type Behoerde } from '@ip/kit/consent';
import type { Agency } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import type { AntragspaketRow, KindergeldAntragRow, KindRow } from '../db/tables.ts';
import { satzverlauf, type SatzZeitraum } from '../domain/kindergeldsatz.ts';
import { arbeitstageBisher, slaStatus, type SlaStatus } from '../domain/sla.ts';
import { Kategorie } from '../policy.ts';
import type {
  AntragspaketResolvers,
  KindResolvers,
  KindergeldAntragResolvers,
  PersonResolvers,
} from '../generated/resolvers.ts';

interface PersonReference {
  readonly id: string;
}

export const Person = {
  /** The Familienkasse is no person registry: any reference resolves, its fields then say what it knows. */
  __resolveReference(reference: PersonReference): PersonReference {
    return { id: reference.id };
  },

  kindergeldantraege(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<KindergeldAntragRow[]> {
    return released(context, person.id, Kategorie.KINDERGELD, info, () =>
      context.loaders.antraegeByPerson.load(person.id),
    );
  },

  antragspakete(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<AntragspaketRow[]> {
    return released(context, person.id, Kategorie.KINDERGELD, info, () =>
      context.loaders.paketeByPerson.load(person.id),
    );
  },
} satisfies PersonResolvers;

export const KindergeldAntrag = {
  async kinder(antrag: KindergeldAntragRow, _: unknown, context: Context): Promise<KindView[]> {
    return (await context.loaders.kinderByAntrag.load(antrag.id)).map((kind) => ({
      ...kind,
      bewilligtAb: antrag.bewilligtAb,
    }));
  },
  aufenthaltstitel(antrag: KindergeldAntragRow) {
    return antrag.titelArt && antrag.titelGueltigAb
      ? {
          art: antrag.titelArt,
          rechtsgrundlage: antrag.titelRechtsgrundlage,
          gueltigAb: antrag.titelGueltigAb,
          gueltigBis: antrag.titelGueltigBis,
        }
      : null;
  },
  person: (antrag: KindergeldAntragRow): PersonReference => ({ id: antrag.personId }),
  slaStatus: (antrag: KindergeldAntragRow, args: { stichtag?: IsoDate | null }, context: Context): SlaStatus =>
    slaStatus(context.kalender, antrag, args.stichtag ?? context.today),
  arbeitstageBisher: (antrag: KindergeldAntragRow, args: { stichtag?: IsoDate | null }, context: Context): number =>
    arbeitstageBisher(context.kalender, antrag, args.stichtag ?? context.today),
  antragspaket(antrag: KindergeldAntragRow, _: unknown, context: Context): Promise<AntragspaketRow | null> | null {
    return antrag.antragspaketId ? context.loaders.paket.load(antrag.antragspaketId) : null;
  },
} satisfies KindergeldAntragResolvers;

export const Antragspaket = {
  person: (paket: AntragspaketRow): PersonReference => ({ id: paket.personId }),
  ausgegebenDurch: (paket: AntragspaketRow): Behoerde => BEHOERDE[paket.ausgegebenDurch as Agency],
  antrag(paket: AntragspaketRow, _: unknown, context: Context): Promise<KindergeldAntragRow | null> {
    return context.loaders.antragByPaket.load(paket.id);
  },
} satisfies AntragspaketResolvers;

/** A child as reached through its application, which knows the first month granted. */
export type KindView = KindRow & { readonly bewilligtAb: IsoDate | null };

export const Kind = {
  person(kind: KindView): PersonReference | null {
    return kind.personId ? { id: kind.personId } : null;
  },
  satzverlauf(kind: KindView): SatzZeitraum[] {
    return kind.bewilligtAb && kind.ordnungszahl ? satzverlauf(kind.bewilligtAb, kind.ordnungszahl) : [];
  },
} satisfies KindResolvers;
