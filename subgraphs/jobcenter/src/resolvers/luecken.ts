import { badUserInput, pageRequest, toConnection, type Connection, type IsoDate } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { findWechselakten } from '../db/rechtskreiswechsel.repository.ts';
import { findeLuecken, type Luecke } from '../domain/luecken.ts';
import type { LeistungslueckeResolvers, QueryResolvers } from '../generated/resolvers.ts';

const key = (luecke: Luecke) => `${luecke.seit}|${luecke.personId}|${luecke.grund}`;

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
    const akten = wechsel.map((row) => {
      const eigene = antraege.filter((antrag) => antrag.personId === row.personId);
      return {
        personId: row.personId,
        anerkanntAm: row.anerkanntAm,
        asylblgBis: row.asylblgBis,
        sgb2Ab: row.sgb2Ab,
        antraegeEingang: eigene.map((antrag) => antrag.eingangAm),
        bewilligungen: eigene
          .filter((antrag) => antrag.status === 'BEWILLIGT')
          .map((antrag) => ({ ab: antrag.bewilligtAb!, bis: antrag.bewilligtBis! })),
      };
    });
    const alle = findeLuecken(akten, args.stichtag ?? context.today, context.settings.lueckenSchwellen);
    const start = page.afterKey === null ? 0 : alle.findIndex((luecke) => key(luecke) === page.afterKey) + 1;
    if (start === 0 && page.afterKey !== null) throw badUserInput('after is not a cursor of this connection', 'after');
    return toConnection(alle.slice(start, start + page.limit + 1), page, key, alle.length);
  },
} satisfies QueryResolvers;

export const Leistungsluecke = {
  person: (luecke: Luecke) => ({ id: luecke.personId }),
} satisfies LeistungslueckeResolvers;
