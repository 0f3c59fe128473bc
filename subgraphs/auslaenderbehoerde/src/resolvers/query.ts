import { isUuid, pageRequest, toConnection, badUserInput, type Connection } from '@ip/kit';
import type { Context } from '../context.ts';
import { countPersons, listPersons } from '../db/person.repository.ts';
import type { PersonRow } from '../db/tables.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query = {
  async person(_: unknown, args: { id: string }, context: Context): Promise<PersonRow | null> {
    return isUuid(args.id) ? context.loaders.person.load(args.id) : null;
  },

  async personen(
    _: unknown,
    args: { first?: number | null; after?: string | null },
    context: Context,
  ): Promise<Connection<PersonRow>> {
    const page = pageRequest(args.first, args.after);
    if (page.afterKey !== null && !isUuid(page.afterKey))
      throw badUserInput('after is not a cursor of this connection', 'after');
    const [rows, totalCount] = await Promise.all([listPersons(context.db, page), countPersons(context.db)]);
    for (const row of rows) context.loaders.person.prime(row.id, row);
    return toConnection(rows, page, (row) => row.id, totalCount);
  },
} satisfies QueryResolvers;
