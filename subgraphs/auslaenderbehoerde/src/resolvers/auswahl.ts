import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, decodeCursor, encodeCursor, type IsoDate, MAX_PAGE } from '@ip/kit';
import { operationOf } from '@ip/kit/consent';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { listPersonenNachStaatsangehoerigkeit, type PersonenReihenfolge } from '../db/person.repository.ts';
import type { PersonRow } from '../db/tables.ts';
import { istLaendercode } from '../domain/laendercode.ts';
import { RECHTSSTAND } from '../domain/rechtsstand.ts';
import { Kategorie } from '../policy.ts';
import { PERSONEN_AUSWAHL } from '../workflow/permissions.ts';

interface AuswahlArgs {
  readonly staatsangehoerigkeiten: readonly string[];
  readonly aufenthaltsarten?: readonly string[] | null;
  readonly agenturbezirke?: readonly string[] | null;
  readonly stichtag: IsoDate;
  readonly reihenfolge?: PersonenReihenfolge | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Listing a person tells its nationality and status; the list is for outreach, which needs the access too. */
const KATEGORIEN = [Kategorie.IDENTITAET, Kategorie.AUFENTHALT, Kategorie.ARBEITSMARKTZUGANG];

function position(after: string | null | undefined): { rang: number; id: string } | null {
  if (!after) return null;
  const [rang, id] = decodeCursor(after).split('|');
  if (!rang || !/^[0-5]$/.test(rang) || !id) throw badUserInput('after is not a cursor of this connection', 'after');
  return { rang: Number(rang), id };
}

export const AuswahlQuery = {
  /**
   * The owner decides every listed person: only persons whose three categories it releases to the
   * caller are listed, and each decision is logged. Rows are read in chunks just large enough to fill the
   * page, so no more persons are decided (and logged) than the page needs, plus those refused on the way.
   */
  async personenNachStaatsangehoerigkeit(_: unknown, args: AuswahlArgs, context: Context, info: GraphQLResolveInfo) {
    authorise(context.access.caller, PERSONEN_AUSWAHL, 'list persons by nationality');
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badUserInput(`first must be between 0 and ${MAX_PAGE}`, 'first');
    if (args.staatsangehoerigkeiten.length === 0 || args.staatsangehoerigkeiten.length > 30) throw badUserInput('name 1 to 30 nationalities', 'staatsangehoerigkeiten');
    const unbekannt = args.staatsangehoerigkeiten.find((code) => !istLaendercode(code));
    if (unbekannt !== undefined) throw badUserInput(`${unbekannt} is no ISO 3166-1 alpha-2 country code`, 'staatsangehoerigkeiten');
    if (args.stichtag < RECHTSSTAND.DREIMONATSFRIST) throw badUserInput(`the rules are modelled from ${RECHTSSTAND.DREIMONATSFRIST} on`, 'stichtag');
    const operation = operationOf(info);
    const listed: (PersonRow & { rang: number })[] = [];
    let after = position(args.after);
    let hasNextPage = first > 0;
    while (listed.length < first) {
      const needed = first - listed.length;
      const rows = await listPersonenNachStaatsangehoerigkeit(context.db, {
        staatsangehoerigkeiten: args.staatsangehoerigkeiten,
        aufenthaltsarten: args.aufenthaltsarten ?? null,
        agenturbezirke: args.agenturbezirke ?? null,
        stichtag: args.stichtag,
        reihenfolge: args.reihenfolge ?? 'ID',
        after,
        limit: needed + 1,
      });
      const chunk = rows.slice(0, needed);
      const decisions = await Promise.all(chunk.map((row) => Promise.all(KATEGORIEN.map((kategorie) => context.access.decide(row.id, kategorie, operation)))));
      chunk.forEach((row, index) => {
        if (decisions[index]!.every((decision) => decision.released)) listed.push(row);
      });
      hasNextPage = rows.length > needed;
      const last = chunk.at(-1);
      if (!hasNextPage || !last) break;
      after = { rang: last.rang, id: last.id };
    }
    const edges = listed.map(({ rang, ...person }) => {
      context.loaders.person.prime(person.id, person);
      return { cursor: encodeCursor(`${rang}|${person.id}`), node: person };
    });
    return {
      edges,
      pageInfo: { hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? args.after ?? null },
    };
  },
};
