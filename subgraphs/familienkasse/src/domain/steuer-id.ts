import type { IsoDate } from '@ip/kit';

/**
 * The tax identification number (§ 139b AO): 11 digits, the first not 0, the last a check digit under
 * ISO/IEC 7064, MOD 11,10. (The rule on repeated digits among the first ten changed in 2016 and is left to
 * the Bundeszentralamt's register; the check digit catches single typos and most transpositions.)
 */
export function istSteuerId(value: string): boolean {
  return /^[1-9]\d{10}$/.test(value) && steuerIdPruefziffer(value.slice(0, 10)) === Number(value[10]);
}

/** The ISO/IEC 7064 MOD 11,10 check digit of the first ten digits. */
export function steuerIdPruefziffer(zehnStellen: string): number {
  let product = 10;
  for (const digit of zehnStellen) {
    let sum = (Number(digit) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

/**
 * Kindergeld for months from January 2016 requires the tax ids of the applicant (§ 62 Abs. 1 S. 2 EStG) and
 * of a child taxable in Germany (§ 63 Abs. 1 S. 3 EStG), both inserted by the Zollkodex-Anpassungsgesetz of
 * 22.12.2014 (BGBl. I S. 2417) and applied from 01.01.2016 (§ 52 Abs. 49a EStG), existing grants included.
 * A grant here runs open-ended from its first month, so a decision from 2016 on, or one for a month from
 * 2016, needs them; a decision of 2015 is judged by the law of its day (its grant then needs the ids
 * collected for 2016, which is the Familienkasse's follow-up, not this check).
 */
const STEUER_ID_PFLICHT_AB: IsoDate = '2016-01-01';

export function steuerIdPflicht(beschiedenAm: IsoDate, bewilligtAb: IsoDate): boolean {
  return beschiedenAm >= STEUER_ID_PFLICHT_AB || bewilligtAb >= STEUER_ID_PFLICHT_AB;
}
