import { PARTNERS, type Partner } from '@ip/kit/identity';

/**
 * Which partner owns each data category (`kindergeld` → `familienkasse`), as the partner registry says: the
 * registry is what the `Datenkategorie` enum and the consent rules are made from, so the check reads the same
 * list rather than guessing owners from whichever fields happen to name a category in their description.
 */
export function categoryOwners(partners: readonly Partner[] = PARTNERS): ReadonlyMap<string, string> {
  return new Map(partners.flatMap(({ name, categories }) => categories.map(({ value }) => [value, name] as const)));
}
