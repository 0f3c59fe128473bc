import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, pageRequest, toConnection, type Connection, type IsoDate } from '@ip/kit';
import { BEHOERDE, released } from '@ip/kit/consent';
import { authorise, type Agency } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import {
  countStatusklaerungen,
  gestelltAmOffenerKlaerungen,
  isKlaerungKey,
  klaerungKey,
  listStatusklaerungen,
} from '../db/statusklaerung.repository.ts';
import type { PersonRow, StatusklaerungRow } from '../db/tables.ts';
import { Kategorie, OWNER } from '../policy.ts';
import { KLAERUNG_BEANTWORTEN, KLAERUNG_UEBERSICHT } from '../workflow/permissions.ts';
import type { PersonResolvers, QueryResolvers, StatusklaerungResolvers } from '../generated/resolvers.ts';

type Page = { first?: number | null; after?: string | null };

function page(args: Page) {
  const request = pageRequest(args.first, args.after);
  if (request.afterKey !== null && !isKlaerungKey(request.afterKey))
    throw badUserInput('after is not a cursor of this connection', 'after');
  return request;
}

export const StatusklaerungQuery = {
  async statusklaerungEingang(_: unknown, args: Page, context: Context): Promise<Connection<StatusklaerungRow>> {
    authorise(context.access.caller, KLAERUNG_BEANTWORTEN, 'see the status clarification inbox');
    const request = page(args);
    const filter = { offen: true } as const;
    const [rows, total] = await Promise.all([
      listStatusklaerungen(context.db, filter, request),
      countStatusklaerungen(context.db, filter),
    ]);
    return toConnection(rows, request, klaerungKey, total);
  },

  async meineStatusklaerungen(_: unknown, args: Page, context: Context): Promise<Connection<StatusklaerungRow>> {
    const request = page(args);
    const filter = { gestelltVon: context.access.caller.userId };
    const [rows, total] = await Promise.all([
      listStatusklaerungen(context.db, filter, request),
      countStatusklaerungen(context.db, filter),
    ]);
    return toConnection(rows, request, klaerungKey, total);
  },

  async statusklaerungUebersicht(
    _: unknown,
    args: { stichtag?: IsoDate | null; schwelleArbeitstage?: number | null },
    context: Context,
  ) {
    authorise(context.access.caller, KLAERUNG_UEBERSICHT, 'see the turnaround of status clarifications');
    const stichtag = args.stichtag ?? context.today;
    const schwelle = args.schwelleArbeitstage ?? context.fristen.klaerungSchwelle;
    if (!Number.isInteger(schwelle) || schwelle < 1 || schwelle > 100)
      throw badUserInput('schwelleArbeitstage must be between 1 and 100', 'schwelleArbeitstage');
    // An inbox holds hundreds of open requests, not millions: counting their age here is cheap and plain.
    const offen = await gestelltAmOffenerKlaerungen(context.db, stichtag);
    const aelterAlsSchwelle = offen.filter(
      (gestelltAm) => context.fristen.kalender.arbeitstageZwischen(gestelltAm, stichtag) > schwelle,
    ).length;
    return { stichtag, schwelleArbeitstage: schwelle, offen: offen.length, aelterAlsSchwelle };
  },
} satisfies QueryResolvers;

const CATEGORY_OF = {
  AUFENTHALTSSTATUS: Kategorie.AUFENTHALT,
  ARBEITSMARKTZUGANG: Kategorie.ARBEITSMARKTZUGANG,
  NEBENBESTIMMUNG: Kategorie.ARBEITSMARKTZUGANG,
} as const;

export const Statusklaerung = {
  /** Inside the Ausländerbehörde a Person is its loaded row: the person's other fields resolve from it. */
  async person(klaerung: StatusklaerungRow, _: unknown, context: Context): Promise<PersonRow> {
    return (await context.loaders.person.load(klaerung.personId))!;
  },
  gestelltDurch: (klaerung: StatusklaerungRow) => BEHOERDE[klaerung.gestelltDurch as Agency],
  antwort(klaerung: StatusklaerungRow, _: unknown, context: Context, info: GraphQLResolveInfo): Promise<string | null> {
    return released(context, klaerung.personId, CATEGORY_OF[klaerung.anliegen], info, () => klaerung.antwort);
  },
  alterArbeitstage(klaerung: StatusklaerungRow, args: { stichtag?: IsoDate | null }, context: Context): number {
    const stichtag = args.stichtag ?? context.today;
    const ende =
      klaerung.beantwortetAm !== null && klaerung.beantwortetAm < stichtag ? klaerung.beantwortetAm : stichtag;
    return context.fristen.kalender.arbeitstageZwischen(klaerung.gestelltAm, ende);
  },
} satisfies StatusklaerungResolvers;

export const StatusklaerungPerson = {
  /** The Ausländerbehörde sees every request about the person; another agency the ones it asked itself. */
  async statusklaerungen(person: PersonRow, _: unknown, context: Context): Promise<StatusklaerungRow[]> {
    const { caller } = context.access;
    const all = await context.loaders.statusklaerungen.load(person.id);
    return caller.agency === OWNER ? all : all.filter((klaerung) => klaerung.gestelltDurch === caller.agency);
  },
} satisfies PersonResolvers;
