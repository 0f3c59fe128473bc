import { badUserInput } from './errors.ts';

/** A money amount in whole euro cents: integers are exact where binary floats are not. */
export type Cent = number;

export interface BetragGrenzen {
  /** Smallest amount in cents that is plausible for the field (inclusive). */
  readonly min: Cent;
  /** Largest amount in cents that is plausible for the field (inclusive). */
  readonly max: Cent;
}

/**
 * An amount in EUR as the client sent it (a GraphQL Float) converted to exact cents, or BAD_USER_INPUT
 * naming the field. A value with more than two decimals (0.001) would be rounded silently by a numeric(…, 2)
 * column and one beyond the column (1e308) would fail in the database: both are refused here. The test
 * `Math.round(x * 100) / 100 === x` holds exactly for every decimal with at most two places, because both
 * sides are the nearest double to the same decimal.
 */
export function euroInCent(value: number, field: string, grenzen: BetragGrenzen): Cent {
  if (!Number.isFinite(value)) throw badUserInput(`${field} must be an amount in EUR`, field);
  const cent = Math.round(value * 100);
  if (cent / 100 !== value)
    throw badUserInput(`${field} is an amount in EUR with at most two decimals (whole cents), got ${value}`, field);
  if (cent < grenzen.min || cent > grenzen.max) {
    throw badUserInput(
      `${field} must lie between ${centAlsEuro(grenzen.min)} and ${centAlsEuro(grenzen.max)} EUR, got ${value}`,
      field,
    );
  }
  return cent;
}

/** Cents as the EUR amount a GraphQL Float carries (exact to the cent for any plausible amount). */
export function centInEuro(cent: Cent): number {
  return cent / 100;
}

function centAlsEuro(cent: Cent): string {
  return (cent / 100).toFixed(2);
}
