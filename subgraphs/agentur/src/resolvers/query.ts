import { isUuid, type IsoDate } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import type { BleibeperspektiveKriteriumRow } from '../db/tables.ts';
import { findAlleKriterien, findKriterienAm } from '../db/kriterium.repository.ts';
import { listFachkraefte } from '../db/stammdaten.repository.ts';
import { findTermineAm } from '../db/termin.repository.ts';
import { EINLADUNGSRECHTSFOLGEN, termineNachSprache } from '../domain/einladung.ts';
import { ansprachekandidaten } from '../workflow/ansprache.ts';
import { LISTEN_SEHEN } from '../workflow/permissions.ts';
import { auslastung, uebergabenFaellig } from '../workflow/steuerung.ts';
import type {
  BleibeperspektiveKriteriumResolvers,
  FachkraftAuslastungResolvers,
  QueryResolvers,
} from '../generated/resolvers.ts';

type Stichtag = { stichtag?: IsoDate | null };
type Stelle = { integrationPoint?: string | null };
type Seite = { first?: number | null; after?: string | null };

export const Query = {
  async fall(_: unknown, args: { id: string }, context: Context) {
    authorise(context.access.caller, LISTEN_SEHEN, 'read cases by id');
    return isUuid(args.id) ? context.loaders.fall.load(args.id) : null;
  },

  integrationsfachkraefte(_: unknown, args: Stelle, context: Context) {
    authorise(context.access.caller, LISTEN_SEHEN, 'list the integration specialists');
    return listFachkraefte(context.db, args.integrationPoint ?? null);
  },

  einladungsrechtsfolgen: () => Object.values(EINLADUNGSRECHTSFOLGEN),

  bleibeperspektiveKriterien: (_: unknown, args: Stichtag, context: Context) =>
    findKriterienAm(context.db, args.stichtag ?? context.today),

  bleibeperspektiveKriterienVerlauf(_: unknown, __: unknown, context: Context) {
    authorise(context.access.caller, LISTEN_SEHEN, 'read the history of the criteria');
    return findAlleKriterien(context.db);
  },

  ansprachekandidaten(
    _: unknown,
    args: Stichtag & Stelle & Seite & { nachQualifikation?: boolean | null },
    context: Context,
  ) {
    return ansprachekandidaten(context, {
      stichtag: args.stichtag ?? context.today,
      integrationPoint: args.integrationPoint ?? null,
      nachQualifikation: args.nachQualifikation ?? false,
      first: args.first ?? null,
      after: args.after ?? null,
    });
  },

  auslastung: (_: unknown, args: Stichtag & Stelle, context: Context) =>
    auslastung(context, { stichtag: args.stichtag ?? context.today, integrationPoint: args.integrationPoint ?? null }),

  uebergabenFaellig: (_: unknown, args: Stichtag & Stelle & Seite, context: Context) =>
    uebergabenFaellig(context, {
      stichtag: args.stichtag ?? context.today,
      integrationPoint: args.integrationPoint ?? null,
      first: args.first ?? null,
      after: args.after ?? null,
    }),

  async termineNachSprache(_: unknown, args: { datum: IsoDate } & Stelle, context: Context) {
    authorise(context.access.caller, LISTEN_SEHEN, "see the day's appointments");
    return termineNachSprache(await findTermineAm(context.db, args.datum, args.integrationPoint ?? null)).map(
      (gruppe) => ({ ...gruppe, anzahl: gruppe.termine.length }),
    );
  },
} satisfies QueryResolvers;

export const FachkraftAuslastung = {
  /** The proposals' cases were loaded with the caseload and primed: no further statement. */
  abgabevorschlaege: (auslastung: { abgabevorschlaege: readonly string[] }, _: unknown, context: Context) =>
    Promise.all(auslastung.abgabevorschlaege.map(async (id) => (await context.loaders.fall.load(id))!)),
} satisfies FachkraftAuslastungResolvers;

/** The list is open to every partner; who entered it is the Agentur's internal business. */
const nurAgentur =
  (feld: 'festgelegtVon' | 'beendetVon') =>
  (kriterium: BleibeperspektiveKriteriumRow, _: unknown, context: Context) => {
    authorise(context.access.caller, LISTEN_SEHEN, `see ${feld} of a criterion`);
    return kriterium[feld];
  };

export const BleibeperspektiveKriterium = {
  festgelegtVon: nurAgentur('festgelegtVon'),
  beendetVon: nurAgentur('beendetVon'),
} satisfies BleibeperspektiveKriteriumResolvers;
