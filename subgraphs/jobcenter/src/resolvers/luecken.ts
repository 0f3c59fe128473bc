import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, pageRequest, toConnection, type Connection, type IsoDate } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';
import { released } from '@ip/kit/consent';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { findWechselakten } from '../db/rechtskreiswechsel.repository.ts';
import { findeLuecken, type Luecke, type Wechselakte } from '../domain/luecken.ts';
import type { LeistungslueckeResolvers, PersonResolvers, QueryResolvers } from '../generated/resolvers.ts';
import { Kategorie } from '../policy.ts';
import { nichtFreigegeben, type PersonMitFremddaten } from './rechtskreis.ts';

const key = (luecke: Luecke) => `${luecke.seit}|${luecke.personId}|${luecke.grund}`;

/** The Jobcenter's own file on one person's change of legal sphere: its record and the BG's SGB II applications. */
function eigeneAkte(
  personId: string,
  wechsel: Pick<Wechselakte, 'anerkanntAm' | 'asylblgBis' | 'sgb2Ab'>,
  antraege: readonly {
    readonly eingangAm: IsoDate;
    readonly status: string;
    readonly bewilligtAb: IsoDate | null;
    readonly bewilligtBis: IsoDate | null;
  }[],
): Wechselakte {
  return {
    personId,
    anerkanntAm: wechsel.anerkanntAm,
    asylblgBis: wechsel.asylblgBis,
    sgb2Ab: wechsel.sgb2Ab,
    antraegeEingang: antraege.map((antrag) => antrag.eingangAm),
    bewilligungen: antraege
      .filter((antrag) => antrag.status === 'BEWILLIGT')
      .map((antrag) => ({ ab: antrag.bewilligtAb!, bis: antrag.bewilligtBis! })),
  };
}

export const LueckenQuery = {
  /**
   * The Jobcenter's records of changes of legal sphere are few (thousands, not millions): the gaps are
   * found in memory by the pure rules and paged from there.
   */
  async leistungsluecken(
    _: unknown,
    args: { stichtag?: IsoDate | null; first?: number | null; after?: string | null },
    context: Context,
  ): Promise<Connection<Luecke>> {
    authorise(
      context.access.caller,
      { jobcenter: ['fallmanagement', 'sachbearbeitung', 'teamleitung'] },
      'see the gaps in subsistence',
    );
    const page = pageRequest(args.first, args.after);
    const { wechsel, antraege } = await findWechselakten(context.db);
    const akten = wechsel.map((row) =>
      eigeneAkte(
        row.personId,
        row,
        antraege.filter((antrag) => antrag.personId === row.personId),
      ),
    );
    const alle = findeLuecken(akten, args.stichtag ?? context.today, context.settings.lueckenSchwellen);
    const start = page.afterKey === null ? 0 : alle.findIndex((luecke) => key(luecke) === page.afterKey) + 1;
    if (start === 0 && page.afterKey !== null) throw badUserInput('after is not a cursor of this connection', 'after');
    return toConnection(alle.slice(start, start + page.limit + 1), page, key, alle.length);
  },
} satisfies QueryResolvers;

export const Leistungsluecke = {
  person: (luecke: Luecke) => ({ id: luecke.personId }),
} satisfies LeistungslueckeResolvers;

export const LueckenPerson = {
  /**
   * One person's gaps, with what the other owners released for it: the Sozialamt's periods give the real last
   * AsylbLG day, the residence permit on the day tells an AsylbLG holder (§ 1 Abs. 1 Nr. 3) from a gap.
   */
  leistungsluecken(
    person: PersonMitFremddaten,
    args: { stichtag?: IsoDate | null },
    context: Context,
    info: GraphQLResolveInfo,
  ): Promise<Luecke[]> {
    return released(context, person.id, Kategorie.LEISTUNGEN, info, async () => {
      if (!person.aufenthalt) return nichtFreigegeben(context, 'auslaenderbehoerde', 'aufenthalt');
      if (!person.asylbewerberleistungen) return nichtFreigegeben(context, 'sozialamt', 'asylbewerberleistungen');
      const wechsel = await context.loaders.wechselByPerson.load(person.id);
      if (!wechsel) return [];
      const bg = await context.loaders.bgByPerson.load(person.id);
      const antraege = bg ? await context.loaders.antraegeByBg.load(bg.id) : [];
      const stichtag = args.stichtag ?? context.today;
      const status = periodOn(person.aufenthalt.verlauf, stichtag);
      const akte: Wechselakte = {
        ...eigeneAkte(person.id, wechsel, antraege),
        asylbewerberleistungen: person.asylbewerberleistungen,
        aufenthaltstitel: status?.art === 'AUFENTHALTSERLAUBNIS' ? status.rechtsgrundlage : null,
      };
      return findeLuecken([akte], stichtag, context.settings.lueckenSchwellen);
    });
  },
} satisfies PersonResolvers;
