import type { GraphQLResolveInfo } from 'graphql';
import type { IsoDate } from '@ip/kit';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type {
  FallEreignisRow,
  FallRow,
  FallUebergabeRow,
  IntegrationsfachkraftRow,
  KompetenzfeststellungRow,
  SprachkursRow,
  TerminRow,
} from '../db/tables.ts';
import { EINLADUNGSRECHTSFOLGEN, smsOhneRechtsfolgenbelehrung } from '../domain/einladung.ts';
import { verweildauerStand } from '../domain/verweildauer.ts';
import { Kategorie } from '../policy.ts';
import type { FallResolvers, PersonResolvers, TerminResolvers } from '../generated/resolvers.ts';

interface PersonReference {
  readonly id: string;
}

export const Person = {
  /** The Agentur is no person registry: any reference resolves, its fields then say what it knows. */
  __resolveReference(reference: PersonReference): PersonReference {
    return { id: reference.id };
  },

  integrationPointFall(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<FallRow | null> {
    return released(context, person.id, Kategorie.FALL, info, () => context.loaders.fallByPerson.load(person.id));
  },

  termine(person: PersonReference, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<TerminRow[]> {
    return released(context, person.id, Kategorie.FALL, info, () => context.loaders.termineByPerson.load(person.id));
  },

  kompetenzfeststellungen(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<KompetenzfeststellungRow[]> {
    return released(context, person.id, Kategorie.QUALIFIKATION, info, () =>
      context.loaders.kompetenzfeststellungenByPerson.load(person.id),
    );
  },

  sprachkurse(
    person: PersonReference,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<SprachkursRow[]> {
    return released(context, person.id, Kategorie.SPRACHFOERDERUNG, info, () =>
      context.loaders.sprachkurseByPerson.load(person.id),
    );
  },
} satisfies PersonResolvers;

const fachkraft = (id: string | null, context: Context): Promise<IntegrationsfachkraftRow | null> | null =>
  id ? context.loaders.fachkraft.load(id) : null;

/** Reached only through a released category or by the Agentur's own staff, so its fields need no decision of their own. */
export const Fall = {
  person: (fall: FallRow): PersonReference => ({ id: fall.personId }),

  integrationsfachkraft: (fall: FallRow, _: unknown, context: Context) =>
    fachkraft(fall.integrationsfachkraftId, context),

  hoechstverweildauer(fall: FallRow, args: { stichtag?: IsoDate | null }, context: Context) {
    if (fall.status !== 'AKTIV') return null;
    const { hoechstverweildauerMonate: monate, uebergabeVorlaufTage: vorlaufTage } = context.settings;
    return verweildauerStand(fall.eroeffnetAm, args.stichtag ?? context.today, { monate, vorlaufTage });
  },

  uebergabe(fall: FallRow, _: unknown, context: Context): Promise<FallUebergabeRow | null> | null {
    return fall.status === 'UEBERGEBEN' ? context.loaders.uebergabeByFall.load(fall.id) : null;
  },

  verlauf(fall: FallRow, _: unknown, context: Context): Promise<FallEreignisRow[]> {
    return context.loaders.ereignisseByFall.load(fall.id);
  },
} satisfies FallResolvers;

export const Termin = {
  person: (termin: TerminRow): PersonReference => ({ id: termin.personId }),
  /** The column is NOT NULL and references the specialist, so the loader finds one. */
  integrationsfachkraft: async (termin: TerminRow, _: unknown, context: Context) =>
    (await context.loaders.fachkraft.load(termin.integrationsfachkraftId))!,
  smsOhneRechtsfolgenbelehrung: (termin: TerminRow) =>
    smsOhneRechtsfolgenbelehrung(termin.kanaele, termin.rechtsfolgenbelehrung),
  rechtsfolge: () => EINLADUNGSRECHTSFOLGEN.SGB_III,
} satisfies TerminResolvers;
