import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, type IsoDate } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';
import { released } from '@ip/kit/consent';
import type { Context } from '../context.ts';
import type { PersonRow } from '../db/tables.ts';
import {
  pruefeArbeitsmarktzugang,
  RechtsstandNichtAbgebildet,
  type ArbeitsmarktFakten,
  type Arbeitsmarktzugang,
  type Taetigkeit,
} from '../domain/arbeitsmarktzugang.ts';
import { faktenAm } from '../domain/gespeicherte-fakten.ts';
import { istLaendercode } from '../domain/laendercode.ts';
import { widersprueche, type Widerspruch } from '../domain/widersprueche.ts';
import { Kategorie } from '../policy.ts';
import type { PersonResolvers, QueryResolvers } from '../generated/resolvers.ts';

/** The rules module's refusal of a day it does not model, as a clear input error. */
export function imRechtsstand<T>(rechnen: () => T): T {
  try {
    return rechnen();
  } catch (error) {
    if (error instanceof RechtsstandNichtAbgebildet) throw badUserInput(error.message, 'stichtag');
    throw error;
  }
}

function pruefen(fakten: ArbeitsmarktFakten, stichtag: IsoDate, taetigkeit: Taetigkeit): Arbeitsmarktzugang {
  return imRechtsstand(() => pruefeArbeitsmarktzugang(fakten, stichtag, taetigkeit));
}

async function zugangAm(
  person: PersonRow,
  stichtag: IsoDate,
  taetigkeit: Taetigkeit,
  context: Context,
  arbeitsort: string | null = null,
) {
  const verlauf = await context.loaders.statusverlauf.load(person.id);
  const fakten = faktenAm(person, verlauf, stichtag, arbeitsort);
  return fakten && { zugang: pruefen(fakten, stichtag, taetigkeit), status: periodOn(verlauf, stichtag)! };
}

export const ArbeitsmarktQuery = {
  arbeitsmarktzugangPruefen(
    _: unknown,
    args: { fakten: ArbeitsmarktFakten; stichtag: IsoDate; taetigkeit?: Taetigkeit | null },
  ): Arbeitsmarktzugang {
    if (!istLaendercode(args.fakten.staatsangehoerigkeit)) {
      throw badUserInput(
        `${args.fakten.staatsangehoerigkeit} is no ISO 3166-1 alpha-2 country code`,
        'fakten.staatsangehoerigkeit',
      );
    }
    return pruefen(args.fakten, args.stichtag, args.taetigkeit ?? 'BESCHAEFTIGUNG');
  },
} satisfies QueryResolvers;

export const ArbeitsmarktPerson = {
  arbeitsmarktzugang(
    person: PersonRow,
    args: { stichtag?: IsoDate | null; taetigkeit?: Taetigkeit | null; agenturbezirkArbeitsort?: string | null },
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<Arbeitsmarktzugang | null> {
    return released(context, person.id, Kategorie.ARBEITSMARKTZUGANG, info, async () => {
      const arbeitsort = args.agenturbezirkArbeitsort?.trim() || null;
      const result = await zugangAm(
        person,
        args.stichtag ?? context.today,
        args.taetigkeit ?? 'BESCHAEFTIGUNG',
        context,
        arbeitsort,
      );
      return result?.zugang ?? null;
    });
  },

  widersprueche(
    person: PersonRow,
    args: { stichtag?: IsoDate | null },
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<Widerspruch[]> {
    return released(context, person.id, Kategorie.ARBEITSMARKTZUGANG, info, async () => {
      const result = await zugangAm(person, args.stichtag ?? context.today, 'BESCHAEFTIGUNG', context);
      return result ? widersprueche(result.status.nebenbestimmungen, result.zugang.erlaubnis) : [];
    });
  },
} satisfies PersonResolvers;
