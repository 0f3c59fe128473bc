import { badUserInput, isUuid, notFound } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { istLaendercode } from '../domain/laendercode.ts';
import { STATUS_ERFASSEN } from './permissions.ts';

export interface FaktenEingabe {
  readonly staatsangehoerigkeit?: string | null;
  readonly asylantragAm?: string | null;
  readonly aufenthaltSeit?: string | null;
  readonly wohnpflichtErstaufnahmeBis?: string | null;
  readonly verbot60aAbs6Grund?: string | null;
  readonly agenturbezirk?: string | null;
}

/** Records the facts the labour-market rules need; a field left out stays as it is, null clears it. */
export async function aufenthaltsfaktenErfassen(context: Context, personId: string, eingabe: FaktenEingabe): Promise<void> {
  authorise(context.access.caller, STATUS_ERFASSEN, 'record residence facts');
  if (!isUuid(personId)) throw notFound('Person', personId);
  if (eingabe.staatsangehoerigkeit === null) throw badUserInput('a person always has a nationality (XX for unknown is not accepted)', 'staatsangehoerigkeit');
  if (eingabe.staatsangehoerigkeit !== undefined && !istLaendercode(eingabe.staatsangehoerigkeit)) {
    throw badUserInput(`${eingabe.staatsangehoerigkeit} is no ISO 3166-1 alpha-2 country code`, 'staatsangehoerigkeit');
  }
  const changes = Object.fromEntries(Object.entries(eingabe).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) throw badUserInput('no fact to record', 'fakten');
  const result = await context.db.updateTable('person').set(changes).where('id', '=', personId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('Person', personId);
}
