import type { GraphQLResolveInfo } from 'graphql';
import { centInEuro, domainError, ErrorCode, type Cent, type IsoDate } from '@ip/kit';
import { addDays, addMonths } from '@ip/kit/calendar';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { RechtskreiswechselRow, Sgb3MassnahmeRow } from '../db/tables.ts';
import {
  kindergeldAlsEinkommen,
  type KindAnteil,
  type KinderDerBg,
  type KindergeldAntragSicht,
  type KindergeldEinkommen,
} from '../domain/kindergeld-einkommen.ts';
import {
  bestimmeRechtskreis,
  type AsylblgZeitraum,
  type Rechtskreis,
  type StatusPeriode,
} from '../domain/rechtskreis.ts';
import { Kategorie } from '../policy.ts';
import type {
  KindergeldEinkommenKindResolvers,
  PersonResolvers,
  RechtskreiswechselResolvers,
} from '../generated/resolvers.ts';

/**
 * A Person as the gateway hands it to the Jobcenter: the reference, plus what the owners released for the
 * `@requires` fields. The owners decided the release; null means they did not release it to this caller.
 */
export interface PersonMitFremddaten {
  readonly id: string;
  readonly kindergeldantraege?: readonly KindergeldAntragSicht[] | null;
  readonly aufenthalt?: { readonly verlauf: readonly StatusPeriode[] } | null;
  readonly asylbewerberleistungen?: readonly AsylblgZeitraum[] | null;
}

export function nichtFreigegeben(context: Context, eigentuemer: string, kategorie: string): never {
  throw domainError(
    ErrorCode.EINWILLIGUNG_FEHLT,
    `${eigentuemer} did not release ${kategorie} of this person to the Jobcenter's computation`,
    {
      eigentuemer,
      kategorie,
      empfaenger: context.access.caller.agency,
    },
  );
}

/** The children of the parent's Bedarfsgemeinschaft who are members by the end of the month, with their recorded need in cents. */
async function kinderDerBg(context: Context, personId: string, monat: IsoDate): Promise<KinderDerBg> {
  const bg = await context.loaders.bgByPerson.load(personId);
  if (!bg) return new Map();
  const monatsende = addDays(addMonths(`${monat.slice(0, 7)}-01`, 1), -1);
  const kinder = (await context.loaders.mitgliederByBg.load(bg.id)).filter(
    (mitglied) => mitglied.rolle === 'KIND' && mitglied.seit <= monatsende,
  );
  return new Map(
    kinder.map((kind) => [kind.personId, kind.monatsbedarf === null ? null : Math.round(kind.monatsbedarf * 100)]),
  );
}

export const RechtskreisPerson = {
  kindergeldAlsEinkommen(
    person: PersonMitFremddaten,
    args: { monat?: IsoDate | null },
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<KindergeldEinkommen> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, async () => {
      if (!Array.isArray(person.kindergeldantraege)) return nichtFreigegeben(context, 'familienkasse', 'kindergeld');
      const monat = args.monat ?? context.today;
      return kindergeldAlsEinkommen(person.kindergeldantraege, monat, await kinderDerBg(context, person.id, monat));
    });
  },

  rechtskreis(
    person: PersonMitFremddaten,
    args: { stichtag?: IsoDate | null },
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<Rechtskreis> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, async () => {
      if (!person.aufenthalt) return nichtFreigegeben(context, 'auslaenderbehoerde', 'aufenthalt');
      const [bg, wechsel] = await Promise.all([
        context.loaders.bgByPerson.load(person.id),
        context.loaders.wechselByPerson.load(person.id),
      ]);
      const antraege = bg ? await context.loaders.antraegeByBg.load(bg.id) : [];
      const bewilligungen = antraege
        .filter((antrag) => antrag.status === 'BEWILLIGT')
        .map((antrag) => ({ ab: antrag.bewilligtAb!, bis: antrag.bewilligtBis! }));
      const rechtskreis = bestimmeRechtskreis(
        {
          verlauf: person.aufenthalt.verlauf,
          bewilligungen,
          sgb2Ab: wechsel?.sgb2Ab ?? null,
          asylbewerberleistungen: person.asylbewerberleistungen ?? null,
        },
        args.stichtag ?? context.today,
      );
      return rechtskreis ?? nichtFreigegeben(context, 'sozialamt', 'asylbewerberleistungen');
    });
  },

  rechtskreiswechsel(
    person: PersonMitFremddaten,
    _: unknown,
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<RechtskreiswechselRow | null> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, () =>
      context.loaders.wechselByPerson.load(person.id),
    );
  },
} satisfies PersonResolvers;

const euro = (cent: Cent | null): number | null => (cent === null ? null : centInEuro(cent));

export const KindergeldEinkommenKind = {
  person: (kind: KindAnteil) => (kind.personId ? { id: kind.personId } : null),
  betrag: (kind: KindAnteil) => euro(kind.betrag),
  bedarf: (kind: KindAnteil) => euro(kind.bedarf),
  einkommenKind: (kind: KindAnteil) => euro(kind.einkommenKind),
  einkommenEltern: (kind: KindAnteil) => euro(kind.einkommenEltern),
} satisfies KindergeldEinkommenKindResolvers;

export const Rechtskreiswechsel = {
  sgb3Massnahmen(wechsel: RechtskreiswechselRow, _: unknown, context: Context): Promise<Sgb3MassnahmeRow[]> {
    return context.loaders.massnahmenByPerson.load(wechsel.personId);
  },
} satisfies RechtskreiswechselResolvers;
