import type { IsoDate } from '@ip/kit';

export type BgRolle = 'ANTRAGSTELLENDE_PERSON' | 'PARTNER' | 'KIND';

export interface MitgliedEingabe {
  readonly personId: string;
  readonly rolle: BgRolle;
  readonly geburtsdatum: IsoDate;
  readonly seit: IsoDate;
  /** Monthly need in EUR without § 28 SGB II, for counting a child's Kindergeld; optional. */
  readonly monatsbedarf?: number | null;
}

/** A rule broken, with the input it concerns; an empty list means the input is valid. */
export interface Regelverstoss {
  readonly field: string;
  readonly message: string;
}

function alterAm(geburtsdatum: IsoDate, tag: IsoDate): number {
  const years = Number(tag.slice(0, 4)) - Number(geburtsdatum.slice(0, 4));
  return tag.slice(5) < geburtsdatum.slice(5) ? years - 1 : years;
}

/**
 * The members of a Bedarfsgemeinschaft (§ 7 Abs. 3 SGB II): one applicant who is employable by age (15 or
 * older, § 7 Abs. 1 Nr. 1), at most one partner, children under 25, nobody twice.
 */
export function pruefeMitglieder(mitglieder: readonly MitgliedEingabe[]): Regelverstoss[] {
  const verstoesse: Regelverstoss[] = [];
  const antragsteller = mitglieder.filter((mitglied) => mitglied.rolle === 'ANTRAGSTELLENDE_PERSON');
  if (antragsteller.length !== 1)
    verstoesse.push({ field: 'mitglieder', message: 'a Bedarfsgemeinschaft has exactly one applicant' });
  if (mitglieder.filter((mitglied) => mitglied.rolle === 'PARTNER').length > 1)
    verstoesse.push({ field: 'mitglieder', message: 'a Bedarfsgemeinschaft has at most one partner' });
  if (new Set(mitglieder.map((mitglied) => mitglied.personId)).size !== mitglieder.length)
    verstoesse.push({ field: 'mitglieder', message: 'a person is a member once' });
  for (const mitglied of mitglieder) {
    const alter = alterAm(mitglied.geburtsdatum, mitglied.seit);
    if (mitglied.geburtsdatum > mitglied.seit)
      verstoesse.push({ field: 'mitglieder', message: 'a member cannot join before birth' });
    else if (mitglied.rolle === 'ANTRAGSTELLENDE_PERSON' && alter < 15)
      verstoesse.push({
        field: 'mitglieder',
        message: 'a child cannot be the applicant (under 15, § 7 Abs. 1 Nr. 1 SGB II)',
      });
    else if (mitglied.rolle === 'KIND' && alter >= 25)
      verstoesse.push({
        field: 'mitglieder',
        message: 'a child of the Bedarfsgemeinschaft is under 25 (§ 7 Abs. 3 Nr. 4 SGB II)',
      });
  }
  return verstoesse;
}

export interface Bewilligung {
  readonly ab: IsoDate;
  readonly bis: IsoDate;
}

export interface BescheidEingabe {
  readonly eingangAm: IsoDate;
  readonly beschiedenAm: IsoDate;
  readonly bewilligung: (Bewilligung & { readonly regelbedarf: number; readonly unterkunft: number }) | null;
}

/** A decision on an SGB II application: not before receipt, a period that ends after it starts, amounts not negative, no overlap with the BG's other grants. */
export function pruefeBescheid(
  bescheid: BescheidEingabe,
  andereBewilligungen: readonly Bewilligung[],
): Regelverstoss[] {
  const verstoesse: Regelverstoss[] = [];
  if (bescheid.beschiedenAm < bescheid.eingangAm)
    verstoesse.push({ field: 'beschiedenAm', message: 'the decision cannot precede the receipt' });
  const bewilligung = bescheid.bewilligung;
  if (!bewilligung) return verstoesse;
  if (bewilligung.bis < bewilligung.ab)
    verstoesse.push({ field: 'bewilligtBis', message: 'the granted period ends before it starts' });
  if (bewilligung.regelbedarf < 0) verstoesse.push({ field: 'regelbedarf', message: 'amounts are not negative' });
  if (bewilligung.unterkunft < 0) verstoesse.push({ field: 'unterkunft', message: 'amounts are not negative' });
  const overlap = andereBewilligungen.find((andere) => andere.ab <= bewilligung.bis && bewilligung.ab <= andere.bis);
  if (overlap)
    verstoesse.push({
      field: 'bewilligtAb',
      message: `the period overlaps the grant from ${overlap.ab} to ${overlap.bis}`,
    });
  return verstoesse;
}
