import { badUserInput, type IsoDate } from '@ip/kit';
import type { Context } from '../context.ts';
import { kindergeldsatz } from '../domain/kindergeldsatz.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';

export const SatzQuery = {
  /** The amounts are the published law, so any signed-in caller may ask. */
  kindergeldsatz(_: unknown, args: { monat: IsoDate; ordnungszahl: number }, _context: Context): number {
    const satz = kindergeldsatz(args.monat, args.ordnungszahl);
    if (!('fehler' in satz)) return satz.betrag;
    if (satz.fehler === 'ORDNUNGSZAHL_UNGUELTIG')
      throw badUserInput('ordnungszahl is a whole number from 1 to 30', 'ordnungszahl');
    throw badUserInput(`no statutory Kindergeld amount is recorded for ${args.monat.slice(0, 7)}`, 'monat');
  },
} satisfies QueryResolvers;
