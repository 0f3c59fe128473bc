import type { GraphQLResolveInfo } from 'graphql';
import { domainError, ErrorCode, type IsoDate } from '@ip/kit';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { RechtskreiswechselRow, Sgb3MassnahmeRow } from '../db/tables.ts';
import { kindergeldAlsEinkommen, type KindergeldAntragSicht, type KindergeldEinkommen } from '../domain/kindergeld-einkommen.ts';
import { bestimmeRechtskreis, type Rechtskreis, type StatusPeriode } from '../domain/rechtskreis.ts';
import { Kategorie } from '../policy.ts';

/**
 * A Person as the gateway hands it to the Jobcenter: the reference, plus what the owners released for the
 * `@requires` fields. The owners decided the release; null means they did not release it to this caller.
 */
export interface PersonMitFremddaten {
  readonly id: string;
  readonly kindergeldantraege?: readonly KindergeldAntragSicht[] | null;
  readonly aufenthalt?: { readonly verlauf: readonly StatusPeriode[] } | null;
}

function nichtFreigegeben(context: Context, eigentuemer: string, kategorie: string): never {
  throw domainError(ErrorCode.EINWILLIGUNG_FEHLT, `${eigentuemer} did not release ${kategorie} of this person to the Jobcenter's computation`, {
    eigentuemer,
    kategorie,
    empfaenger: context.access.caller.agency,
  });
}

export const RechtskreisPerson = {
  kindergeldAlsEinkommen(person: PersonMitFremddaten, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<KindergeldEinkommen> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, () =>
      Array.isArray(person.kindergeldantraege) ? kindergeldAlsEinkommen(person.kindergeldantraege) : nichtFreigegeben(context, 'familienkasse', 'kindergeld'),
    );
  },

  rechtskreis(person: PersonMitFremddaten, args: { stichtag?: IsoDate | null }, context: Context, info: GraphQLResolveInfo): Promise<Rechtskreis> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, async () => {
      if (!person.aufenthalt) return nichtFreigegeben(context, 'auslaenderbehoerde', 'aufenthalt');
      const [bg, wechsel] = await Promise.all([context.loaders.bgByPerson.load(person.id), context.loaders.wechselByPerson.load(person.id)]);
      const antraege = bg ? await context.loaders.antraegeByBg.load(bg.id) : [];
      const bewilligungen = antraege.filter((antrag) => antrag.status === 'BEWILLIGT').map((antrag) => ({ ab: antrag.bewilligtAb!, bis: antrag.bewilligtBis! }));
      return bestimmeRechtskreis({ verlauf: person.aufenthalt.verlauf, bewilligungen, sgb2Ab: wechsel?.sgb2Ab ?? null }, args.stichtag ?? context.today);
    });
  },

  rechtskreiswechsel(person: PersonMitFremddaten, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<RechtskreiswechselRow | null> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, () => context.loaders.wechselByPerson.load(person.id));
  },
};

export const Rechtskreiswechsel = {
  sgb3Massnahmen(wechsel: RechtskreiswechselRow, _: unknown, context: Context): Promise<Sgb3MassnahmeRow[]> {
    return context.loaders.massnahmenByPerson.load(wechsel.personId);
  },
};
