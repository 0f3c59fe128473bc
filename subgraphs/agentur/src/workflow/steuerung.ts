import { badUserInput, isIsoDate, isUuid, type IsoDate, pageRequest, toConnection, type Connection } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { countUebergabenFaellig, findFaelleEroeffnetBis, listUebergabenFaellig } from '../db/fall.repository.ts';
import { listFachkraefte } from '../db/stammdaten.repository.ts';
import type { FallRow, IntegrationsfachkraftRow } from '../db/tables.ts';
import { auslastungFachkraft, auslastungIntegrationPoint, type Betreuung } from '../domain/auslastung.ts';
import { verweildauerStand } from '../domain/verweildauer.ts';
import { STEUERN } from './permissions.ts';

/** Map.groupBy, which Node 20 does not have yet. */
function gruppieren<K, V>(values: readonly V[], keyOf: (value: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** A case counts toward its specialist's caseload from its opening until the day it was handed over or closed. */
const betreuung = (fall: FallRow): Betreuung => ({
  fallId: fall.id,
  eroeffnetAm: fall.eroeffnetAm,
  endeAm: fall.status === 'AKTIV' ? null : fall.statusSeit,
});

export interface FachkraftAuslastung extends ReturnType<typeof auslastungFachkraft> {
  readonly integrationsfachkraft: IntegrationsfachkraftRow;
}

export interface IntegrationPointAuslastung extends ReturnType<typeof auslastungIntegrationPoint> {
  readonly integrationPoint: string;
  readonly fachkraefte: readonly FachkraftAuslastung[];
}

/**
 * The "atmendes System" (Rahmenkonzept §7.3) on a day: each specialist's active cases against the agreed
 * key, since when the key has been exceeded without a break, and, once that lasted the agreed time, which
 * cases to hand back (those longest in the Integration Point). Two statements, whatever the number of cases.
 */
export async function auslastung(
  context: Context,
  args: { stichtag: IsoDate; integrationPoint: string | null },
): Promise<IntegrationPointAuslastung[]> {
  authorise(context.access.caller, STEUERN, 'see the caseload');
  const [fachkraefte, faelle] = await Promise.all([
    listFachkraefte(context.db, args.integrationPoint),
    findFaelleEroeffnetBis(context.db, args.stichtag, args.integrationPoint),
  ]);
  if (args.integrationPoint !== null && fachkraefte.length === 0)
    throw badUserInput(`no integration specialists work in ${args.integrationPoint}`, 'integrationPoint');
  for (const fall of faelle) context.loaders.fall.prime(fall.id, fall);
  const faelleJeFachkraft = gruppieren(faelle, (fall) => fall.integrationsfachkraftId);
  const { betreuungsschluessel: schluessel, nachhaltigAbTagen } = context.settings;
  const jeFachkraft = fachkraefte.map((integrationsfachkraft) => ({
    integrationsfachkraft,
    ...auslastungFachkraft((faelleJeFachkraft.get(integrationsfachkraft.id) ?? []).map(betreuung), args.stichtag, {
      schluessel,
      nachhaltigAbTagen,
    }),
  }));
  return [...gruppieren(jeFachkraft, (eintrag) => eintrag.integrationsfachkraft.integrationPoint)].map(
    ([integrationPoint, eintraege]) => ({
      integrationPoint,
      ...auslastungIntegrationPoint(eintraege),
      fachkraefte: eintraege.toSorted(
        (a, b) => b.fallzahl - a.fallzahl || a.integrationsfachkraft.name.localeCompare(b.integrationsfachkraft.name),
      ),
    }),
  );
}

export interface FaelligeUebergabe {
  readonly fall: FallRow;
  readonly verweildauer: ReturnType<typeof verweildauerStand>;
}

const cursorKey = (fall: FallRow) => `${fall.eroeffnetAm}|${fall.id}`;

function afterKey(key: string | null): { eroeffnetAm: IsoDate; id: string } | null {
  if (key === null) return null;
  const [eroeffnetAm, id, ...rest] = key.split('|');
  if (!eroeffnetAm || !isIsoDate(eroeffnetAm) || !id || !isUuid(id) || rest.length > 0)
    throw badUserInput('after is not a cursor of this connection', 'after');
  return { eroeffnetAm, id };
}

/** Active cases at or within the lead time of the maximum stay (Rahmenkonzept §6), longest-running first. */
export async function uebergabenFaellig(
  context: Context,
  args: { stichtag: IsoDate; integrationPoint: string | null; first?: number | null; after?: string | null },
): Promise<Connection<FaelligeUebergabe>> {
  authorise(context.access.caller, STEUERN, 'see the hand-overs due');
  const page = pageRequest(args.first, args.after);
  const { hoechstverweildauerMonate: monate, uebergabeVorlaufTage: vorlaufTage } = context.settings;
  const filter = { stichtag: args.stichtag, monate, vorlaufTage, integrationPoint: args.integrationPoint };
  const [rows, totalCount] = await Promise.all([
    listUebergabenFaellig(context.db, { ...filter, page, after: afterKey(page.afterKey) }),
    countUebergabenFaellig(context.db, filter),
  ]);
  for (const fall of rows) context.loaders.fall.prime(fall.id, fall);
  const nodes = rows.map((fall) => ({
    fall,
    verweildauer: verweildauerStand(fall.eroeffnetAm, args.stichtag, { monate, vorlaufTage }),
  }));
  return toConnection(nodes, page, (node) => cursorKey(node.fall), totalCount);
}
