import type { Kysely } from 'kysely';
import { badUserInput, euroInCent, isUuid, notFound } from '@ip/kit';
import { authorise, type Permission } from '@ip/kit/identity';
import { inTransaction } from '@ip/kit/idempotency';
import type { Context } from '../context.ts';
import {
  findAntraegeByBgIds,
  findBgsByPersonIds,
  findMitgliederByBgIds,
} from '../db/bedarfsgemeinschaft.repository.ts';
import { insertWechsel } from '../db/rechtskreiswechsel.repository.ts';
import type {
  BedarfsgemeinschaftRow,
  JobcenterDatabase,
  LeistungsantragRow,
  Sgb2Leistungsstatus,
} from '../db/tables.ts';
import { pruefeBescheid, pruefeMitglieder, type MitgliedEingabe, type Regelverstoss } from '../domain/bg-regeln.ts';
import { refuse } from '../errors.ts';

/** Monthly amounts of one Bedarfsgemeinschaft: exact cents, and below what a numeric(8, 2) column could hold by far. */
const MONATSBETRAG = { min: 0, max: 999_999 } as const;

/** The Jobcenter's case work: its own staff only. */
const SACHBEARBEITUNG: Permission = { jobcenter: ['fallmanagement', 'sachbearbeitung'] };

/** `field` replaces the rules' own when the input is another argument than theirs (one new member, `mitglied`). */
function refuseBreaches(verstoesse: readonly Regelverstoss[], field?: string): void {
  const [first] = verstoesse;
  if (first) throw badUserInput(verstoesse.map((verstoss) => verstoss.message).join('; '), field ?? first.field);
}

async function alreadyMembers(
  trx: Kysely<JobcenterDatabase>,
  personIds: readonly string[],
  field: string,
): Promise<void> {
  const taken = await findBgsByPersonIds(trx, personIds);
  if (taken.length > 0)
    throw badUserInput(
      `person ${taken[0]!.personId} already belongs to Bedarfsgemeinschaft ${taken[0]!.bgNummer}`,
      field,
    );
}

export async function bedarfsgemeinschaftEroeffnen(
  context: Context,
  bgNummer: string,
  gegruendetAm: string,
  mitglieder: readonly MitgliedEingabe[],
): Promise<BedarfsgemeinschaftRow> {
  authorise(context.access.caller, SACHBEARBEITUNG, 'open a Bedarfsgemeinschaft');
  if (!/^\d{5}BG\d{7}$/.test(bgNummer)) throw badUserInput('bgNummer is 5 digits, BG, 7 digits', 'bgNummer');
  const keineReferenz = mitglieder.findIndex((mitglied) => !isUuid(mitglied.personId));
  if (keineReferenz >= 0)
    throw badUserInput('personId must be a person reference (UUID)', `mitglieder[${keineReferenz}].personId`);
  refuseBreaches(pruefeMitglieder(mitglieder));
  for (const [index, mitglied] of mitglieder.entries())
    if (mitglied.monatsbedarf != null)
      euroInCent(mitglied.monatsbedarf, `mitglieder[${index}].monatsbedarf`, MONATSBETRAG);
  return inTransaction(context.db, async (trx) => {
    await alreadyMembers(
      trx,
      mitglieder.map((mitglied) => mitglied.personId),
      'mitglieder',
    );
    const bg = await trx
      .insertInto('bedarfsgemeinschaft')
      .values({ bgNummer, gegruendetAm })
      .onConflict((oc) => oc.column('bgNummer').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!bg) throw badUserInput(`Bedarfsgemeinschaft ${bgNummer} exists already`, 'bgNummer');
    await trx
      .insertInto('bgMitglied')
      .values(mitglieder.map((mitglied) => ({ ...mitglied, bedarfsgemeinschaftId: bg.id })))
      .execute();
    return bg;
  });
}

export async function bgMitgliedHinzufuegen(
  context: Context,
  bgId: string,
  mitglied: MitgliedEingabe,
): Promise<BedarfsgemeinschaftRow> {
  authorise(context.access.caller, SACHBEARBEITUNG, 'extend a Bedarfsgemeinschaft');
  if (!isUuid(bgId)) throw notFound('Bedarfsgemeinschaft', bgId);
  if (!isUuid(mitglied.personId)) throw badUserInput('personId must be a person reference (UUID)', 'mitglied.personId');
  if (mitglied.monatsbedarf != null) euroInCent(mitglied.monatsbedarf, 'mitglied.monatsbedarf', MONATSBETRAG);
  return inTransaction(context.db, async (trx) => {
    const bg = await trx
      .selectFrom('bedarfsgemeinschaft')
      .selectAll()
      .where('id', '=', bgId)
      .forUpdate()
      .executeTakeFirst();
    if (!bg) throw notFound('Bedarfsgemeinschaft', bgId);
    const bisher = await findMitgliederByBgIds(trx, [bgId]);
    // Members recorded before birth dates were kept are checked for their role only.
    refuseBreaches(
      pruefeMitglieder([
        ...bisher.map((m) => ({
          personId: m.personId,
          rolle: m.rolle,
          seit: m.seit,
          geburtsdatum: m.geburtsdatum ?? m.seit,
        })),
        mitglied,
      ]),
      'mitglied',
    );
    await alreadyMembers(trx, [mitglied.personId], 'mitglied.personId');
    await trx
      .insertInto('bgMitglied')
      .values({ ...mitglied, bedarfsgemeinschaftId: bgId })
      .execute();
    return bg;
  });
}

export async function leistungsantragErfassen(
  context: Context,
  bgId: string,
  eingangAm: string,
): Promise<LeistungsantragRow> {
  authorise(context.access.caller, SACHBEARBEITUNG, 'record SGB II applications');
  if (eingangAm > context.today) throw badUserInput('an application cannot be received in the future', 'eingangAm');
  if (!isUuid(bgId)) throw notFound('Bedarfsgemeinschaft', bgId);
  const bg = await context.db.selectFrom('bedarfsgemeinschaft').select('id').where('id', '=', bgId).executeTakeFirst();
  if (!bg) throw notFound('Bedarfsgemeinschaft', bgId);
  return context.db
    .insertInto('leistungsantrag')
    .values({ bedarfsgemeinschaftId: bgId, eingangAm, status: 'BEANTRAGT' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface BescheidArgs {
  readonly antragId: string;
  readonly beschiedenAm: string;
  /** The SDL's `Sgb2Leistungsstatus`: BEANTRAGT is a state, not a decision, and is refused. */
  readonly ergebnis: Sgb2Leistungsstatus;
  readonly bewilligtAb?: string | null;
  readonly bewilligtBis?: string | null;
  readonly regelbedarf?: number | null;
  readonly unterkunft?: number | null;
}

export async function leistungsantragBescheiden(context: Context, args: BescheidArgs): Promise<LeistungsantragRow> {
  authorise(context.access.caller, SACHBEARBEITUNG, 'decide SGB II applications');
  if (!isUuid(args.antragId)) throw notFound('Sgb2Leistungsantrag', args.antragId);
  if (args.beschiedenAm > context.today) throw badUserInput('a decision cannot be dated in the future', 'beschiedenAm');
  if (args.ergebnis === 'BEANTRAGT') throw badUserInput('a decision is BEWILLIGT or ABGELEHNT', 'ergebnis');
  const granted = args.ergebnis === 'BEWILLIGT';
  if (granted && (!args.bewilligtAb || !args.bewilligtBis || args.regelbedarf == null || args.unterkunft == null)) {
    throw badUserInput('a grant names its period and its monthly Regelbedarf and Unterkunft', 'bewilligtAb');
  }
  if (args.regelbedarf != null) euroInCent(args.regelbedarf, 'regelbedarf', MONATSBETRAG);
  if (args.unterkunft != null) euroInCent(args.unterkunft, 'unterkunft', MONATSBETRAG);
  return context.db.transaction().execute(async (trx) => {
    const antrag = await trx
      .selectFrom('leistungsantrag')
      .selectAll()
      .where('id', '=', args.antragId)
      .forUpdate()
      .executeTakeFirst();
    if (!antrag) throw notFound('Sgb2Leistungsantrag', args.antragId);
    if (antrag.status !== 'BEANTRAGT') throw refuse('BEREITS_BESCHIEDEN', 'the application is decided already');
    const andere = (await findAntraegeByBgIds(trx, [antrag.bedarfsgemeinschaftId]))
      .filter((row) => row.id !== antrag.id && row.status === 'BEWILLIGT')
      .map((row) => ({ ab: row.bewilligtAb!, bis: row.bewilligtBis! }));
    const bewilligung = granted
      ? { ab: args.bewilligtAb!, bis: args.bewilligtBis!, regelbedarf: args.regelbedarf!, unterkunft: args.unterkunft! }
      : null;
    refuseBreaches(
      pruefeBescheid({ eingangAm: antrag.eingangAm, beschiedenAm: args.beschiedenAm, bewilligung }, andere),
    );
    return trx
      .updateTable('leistungsantrag')
      .set({
        status: args.ergebnis,
        beschiedenAm: args.beschiedenAm,
        bewilligtAb: bewilligung?.ab ?? null,
        bewilligtBis: bewilligung?.bis ?? null,
        regelbedarf: bewilligung?.regelbedarf ?? null,
        unterkunft: bewilligung?.unterkunft ?? null,
      })
      .where('id', '=', antrag.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export interface WechselArgs {
  readonly personId: string;
  readonly anerkanntAm: string;
  readonly asylblgBis?: string | null;
  readonly sgb2Ab: string;
  readonly sgb3Massnahmen?: readonly { readonly bezeichnung: string; readonly ende: string }[] | null;
}

/** Records the change of legal sphere once per person; a retry with the same dates answers it unchanged. */
export async function rechtskreiswechselErfassen(context: Context, args: WechselArgs): Promise<string> {
  authorise(context.access.caller, SACHBEARBEITUNG, 'record the change of legal sphere');
  if (!isUuid(args.personId)) throw badUserInput('personId must be a person reference (UUID)', 'personId');
  if (args.sgb2Ab < args.anerkanntAm) throw badUserInput('SGB II cannot begin before the recognition', 'sgb2Ab');
  await inTransaction(context.db, async (trx) => {
    const inserted = await insertWechsel(
      trx,
      {
        personId: args.personId,
        anerkanntAm: args.anerkanntAm,
        asylblgBis: args.asylblgBis ?? null,
        sgb2Ab: args.sgb2Ab,
        erfasstVon: context.access.caller.userId,
      },
      args.sgb3Massnahmen ?? [],
    );
    if (inserted) return;
    const existing = await trx
      .selectFrom('rechtskreiswechsel')
      .selectAll()
      .where('personId', '=', args.personId)
      .executeTakeFirstOrThrow();
    if (
      existing.anerkanntAm !== args.anerkanntAm ||
      existing.sgb2Ab !== args.sgb2Ab ||
      existing.asylblgBis !== (args.asylblgBis ?? null)
    ) {
      throw refuse('BEREITS_ERFASST', 'the change of legal sphere is recorded already with other dates');
    }
  });
  return args.personId;
}
