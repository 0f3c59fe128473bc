import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, encodeCursor, isUuid, pageRequest, type IsoDate } from '@ip/kit';
import { operationOf } from '@ip/kit/consent';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import {
  listPersonenNachStaatsangehoerigkeit,
  RAENGE,
  type AuswahlRow,
  type PersonenReihenfolge,
  type Position,
} from '../db/person.repository.ts';
import type { Aufenthaltsart } from '../db/tables.ts';
import { pruefeRechtsstand } from '../domain/arbeitsmarktzugang.ts';
import { istLaendercode } from '../domain/laendercode.ts';
import { Kategorie } from '../policy.ts';
import { PERSONEN_AUSWAHL } from '../workflow/permissions.ts';
import { imRechtsstand } from './arbeitsmarkt.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';

interface AuswahlArgs {
  readonly staatsangehoerigkeiten: readonly string[];
  readonly aufenthaltsarten?: readonly Aufenthaltsart[] | null;
  readonly agenturbezirke?: readonly string[] | null;
  readonly stichtag: IsoDate;
  readonly reihenfolge?: PersonenReihenfolge | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Listing a person tells its nationality and status; the list is for outreach, which needs the access too. */
const KATEGORIEN = [Kategorie.IDENTITAET, Kategorie.AUFENTHALT, Kategorie.ARBEITSMARKTZUGANG];
const MAX_STAATSANGEHOERIGKEITEN = 30;
/** More than NRW's 30 Agentur districts; the bound keeps the statement's parameter list small. */
const MAX_AGENTURBEZIRKE = 50;

/** The cursor carries the sort keys only, rank and reference; a cursor of the other order is refused. */
function position(afterKey: string | null, reihenfolge: PersonenReihenfolge): Position | null {
  if (afterKey === null) return null;
  const [rang, id, ...rest] = afterKey.split('|');
  if (!rang || !RAENGE[reihenfolge].includes(Number(rang)) || !id || !isUuid(id) || rest.length > 0) {
    throw badUserInput('after is not a cursor of this connection', 'after');
  }
  return { rang: Number(rang), id };
}

/** A list argument holds 1 to atMost values as given; duplicates are dropped before they reach SQL. */
function checkedList<T extends string>(values: readonly T[], field: string, message: string, atMost = Infinity): T[] {
  if (values.length === 0 || values.length > atMost) throw badUserInput(message, field);
  return [...new Set(values)];
}

export const AuswahlQuery = {
  /**
   * Lists only persons whose three categories the owner releases to the caller, and logs each decision.
   * Rows are read in chunks of first + 1 and decided in rounds of as many as the page still lacks: no
   * person behind the page's last one is decided, because every decision is a log entry saying the caller
   * asked about that person. Each round is one consent load and the rounds shrink as the page fills; one
   * undecided row is always kept in hand, so a full page knows without another read whether more follow.
   */
  async personenNachStaatsangehoerigkeit(_: unknown, args: AuswahlArgs, context: Context, info: GraphQLResolveInfo) {
    authorise(context.access.caller, PERSONEN_AUSWAHL, 'list persons by nationality');
    const page = pageRequest(args.first, args.after);
    const reihenfolge = args.reihenfolge ?? 'ID';
    const staatsangehoerigkeiten = checkedList(
      args.staatsangehoerigkeiten,
      'staatsangehoerigkeiten',
      `name 1 to ${MAX_STAATSANGEHOERIGKEITEN} nationalities`,
      MAX_STAATSANGEHOERIGKEITEN,
    );
    const unbekannt = args.staatsangehoerigkeiten.findIndex((code) => !istLaendercode(code));
    if (unbekannt >= 0)
      throw badUserInput(
        `${args.staatsangehoerigkeiten[unbekannt]} is no ISO 3166-1 alpha-2 country code`,
        `staatsangehoerigkeiten[${unbekannt}]`,
      );
    const aufenthaltsarten = args.aufenthaltsarten
      ? checkedList(
          args.aufenthaltsarten,
          'aufenthaltsarten',
          'name at least one status, or leave aufenthaltsarten out for any',
        )
      : null;
    const agenturbezirke = args.agenturbezirke
      ? checkedList(
          args.agenturbezirke,
          'agenturbezirke',
          `name 1 to ${MAX_AGENTURBEZIRKE} districts, or leave agenturbezirke out for all`,
          MAX_AGENTURBEZIRKE,
        )
      : null;
    imRechtsstand(() => pruefeRechtsstand(args.stichtag));
    let after = position(page.afterKey, reihenfolge);
    const filter = {
      staatsangehoerigkeiten,
      aufenthaltsarten,
      agenturbezirke,
      stichtag: args.stichtag,
      reihenfolge,
      limit: page.limit + 1,
    };
    const operation = operationOf(info);

    let readToEnd = false;
    const undecided: AuswahlRow[] = [];
    const listed: AuswahlRow[] = [];
    // An empty page reads nothing: a read nobody is decided on would tell, unlogged, whether a person follows.
    while (listed.length < page.limit && (undecided.length > 0 || !readToEnd)) {
      const missing = page.limit - listed.length;
      if (undecided.length <= missing && !readToEnd) {
        const chunk = await listPersonenNachStaatsangehoerigkeit(context.db, { ...filter, after });
        readToEnd = chunk.length < filter.limit;
        undecided.push(...chunk);
        after = chunk.at(-1) ?? after;
      }
      const round = undecided.splice(0, missing);
      const decisions = await Promise.all(
        round.map((row) =>
          Promise.all(KATEGORIEN.map((kategorie) => context.access.decide(row.id, kategorie, operation))),
        ),
      );
      listed.push(...round.filter((_, index) => decisions[index]!.every((decision) => decision.released)));
    }

    const edges = listed.map(({ rang, ...person }) => {
      context.loaders.person.prime(person.id, person);
      return { cursor: encodeCursor(`${rang}|${person.id}`), node: person };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: undecided.length > 0,
        hasPreviousPage: page.afterKey !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
} satisfies QueryResolvers;
