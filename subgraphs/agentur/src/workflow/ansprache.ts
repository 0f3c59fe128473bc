import { badUserInput, type IsoDate, MAX_PAGE } from '@ip/kit';
import { authorise } from '@ip/kit/identity';
import type { Context } from '../context.ts';
import { findBekanntePersonIds } from '../db/fall.repository.ts';
import { findKriterienAm } from '../db/kriterium.repository.ts';
import { findBezirke } from '../db/stammdaten.repository.ts';
import type { BleibeperspektiveKriteriumRow } from '../db/tables.ts';
import { arbeitsmarktzugangAusgeschlossen } from '../domain/ansprache.ts';
import { ansprachekandidatenAbh } from '../graph/auslaenderbehoerde.ts';
import { LISTEN_SEHEN } from './permissions.ts';

export interface Ansprachekandidat {
  readonly person: { readonly id: string };
  readonly kriterium: BleibeperspektiveKriteriumRow;
}

export interface AnsprachekandidatSeite {
  readonly edges: readonly { readonly cursor: string; readonly node: Ansprachekandidat }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

const DEFAULT_PAGE = 20;
/** Rounds to the Ausländerbehörde per page: bounds the answer time when long runs of persons are left out. */
const MAX_RUNDEN = 10;

/**
 * The outreach list (Rahmenkonzept §3, §4). The Ausländerbehörde lists, in its order, persons of the agreed
 * nationalities with an SGB III status on the Stichtag whose data it releases to the caller; the Agentur
 * leaves out persons it already knows and persons whose access to work is excluded for the foreseeable
 * future, and pages on the Ausländerbehörde's cursors. Nothing the Ausländerbehörde sends is stored.
 */
export async function ansprachekandidaten(
  context: Context,
  args: {
    stichtag: IsoDate;
    integrationPoint: string | null;
    nachQualifikation: boolean;
    first?: number | null;
    after?: string | null;
  },
): Promise<AnsprachekandidatSeite> {
  authorise(context.access.caller, LISTEN_SEHEN, 'see the outreach list');
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw badUserInput(`first must be between 0 and ${MAX_PAGE}`, 'first');
  const kriterien = await findKriterienAm(context.db, args.stichtag);
  const bezirke = args.integrationPoint === null ? null : await findBezirke(context.db, args.integrationPoint);
  if (bezirke?.length === 0)
    throw badUserInput(`no districts are recorded for ${args.integrationPoint}`, 'integrationPoint');
  const empty = {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: args.after != null, startCursor: null, endCursor: null },
  };
  if (kriterien.length === 0 || first === 0) return empty;
  const kriteriumOf = new Map(kriterien.map((kriterium) => [kriterium.staatsangehoerigkeit, kriterium]));

  const edges: { cursor: string; node: Ansprachekandidat }[] = [];
  let after = args.after ?? null;
  let hasNextPage = true;
  for (let runde = 0; runde < MAX_RUNDEN && edges.length < first && hasNextPage; runde += 1) {
    const seite = await ansprachekandidatenAbh(context.auslaenderbehoerde, {
      staatsangehoerigkeiten: [...kriteriumOf.keys()],
      agenturbezirke: bezirke,
      stichtag: args.stichtag,
      nachQualifikation: args.nachQualifikation,
      first: Math.min(MAX_PAGE, 2 * (first - edges.length)),
      after,
    });
    const bekannt = await findBekanntePersonIds(
      context.db,
      seite.kandidaten.map((kandidat) => kandidat.personId),
    );
    let consumedAll = true;
    for (const kandidat of seite.kandidaten) {
      if (edges.length === first) {
        consumedAll = false;
        break;
      }
      after = kandidat.cursor;
      const kriterium = kriteriumOf.get(kandidat.staatsangehoerigkeit);
      if (
        !kriterium ||
        bekannt.has(kandidat.personId) ||
        arbeitsmarktzugangAusgeschlossen(kandidat.arbeitsmarktzugang, args.stichtag)
      )
        continue;
      edges.push({ cursor: kandidat.cursor, node: { person: { id: kandidat.personId }, kriterium } });
    }
    hasNextPage = !consumedAll || seite.hasNextPage;
  }
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: after,
    },
  };
}
