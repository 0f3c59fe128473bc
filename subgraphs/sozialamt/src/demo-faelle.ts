import type { IsoDate } from '@ip/kit';
import type { DemoPerson, Population } from '@ip/kit/demo';
import type { StatusPeriode } from './domain/aufenthalt.ts';
import type { EndeGrund } from './domain/leistungsende.ts';
import { planeLeistungszeitraeume, type Leistungszeitraum } from './domain/leistungszeitraum.ts';

/** One benefit period of the demo, with why the entitlement ended where it is the last one. */
export interface DemoLeistungszeitraum extends Leistungszeitraum {
  readonly personId: string;
  readonly endeGrund: EndeGrund | null;
}

const ASYLBLG_PAPIERE = new Set<StatusPeriode['art']>(['AUFENTHALTSGESTATTUNG', 'DULDUNG']);

/** A person's AsylbLG history as the Sozialamt would have granted it, from the day its first Gestattung or Duldung began. */
function faelle(person: DemoPerson, referenceDate: IsoDate): DemoLeistungszeitraum[] {
  const verlauf: StatusPeriode[] = person.statusverlauf.map(({ art, gueltigAb, gueltigBis, rechtsgrundlage }) => ({
    art,
    gueltigAb,
    gueltigBis,
    rechtsgrundlage,
  }));
  const beginn = verlauf.find((periode) => ASYLBLG_PAPIERE.has(periode.art))?.gueltigAb;
  if (beginn === undefined || beginn > referenceDate) return [];
  const plan = planeLeistungszeitraeume(
    {
      geburtsdatum: person.geburtsdatum,
      einreiseAm: person.einreiseAm,
      verlauf,
      anerkanntAm: person.anerkanntAm,
    },
    beginn,
    referenceDate,
  );
  return plan.zeitraeume.map((zeitraum, i) => ({
    ...zeitraum,
    personId: person.id,
    endeGrund: i === plan.zeitraeume.length - 1 ? (plan.ende?.grund ?? null) : null,
  }));
}

/**
 * The Sozialamt's slice of the demo population: everyone who held a Gestattung or a Duldung received AsylbLG
 * benefits from that day, § 3 and then § 2, until the end of the month of recognition (§ 1 Abs. 3 AsylbLG);
 * those still in the procedure or tolerated on the reference date have an open period.
 */
export function demoLeistungszeitraeume(population: Population): DemoLeistungszeitraum[] {
  return population.persons.flatMap((person) => faelle(person, population.referenceDate));
}
