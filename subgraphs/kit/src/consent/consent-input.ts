import { badUserInput } from '../errors.ts';
import { AGENCIES, type Agency } from '../identity/agencies.ts';
import { PARTNERS } from '../identity/partners.ts';
import { isUuid } from '../ids.ts';
import type { IsoDate } from '../scalars.ts';

/** GraphQL's `Behoerde` enum value for each agency, from the partner registry. */
export const BEHOERDE = Object.fromEntries(PARTNERS.map((entry) => [entry.name, entry.behoerde])) as {
  readonly [P in (typeof PARTNERS)[number] as P['name']]: P['behoerde'];
};

/** An agency as the SDL's `Behoerde` enum names it. */
export type Behoerde = (typeof BEHOERDE)[Agency];

export function agencyOf(behoerde: string, field: string): Agency {
  const agency = AGENCIES.find((candidate) => BEHOERDE[candidate] === behoerde);
  if (!agency) throw badUserInput(`unknown Behoerde ${behoerde}`, field);
  return agency;
}

export interface DeclarationInput {
  readonly id: string;
  readonly personId: string;
  readonly unterschriebenAm: IsoDate;
  readonly gueltigBis?: IsoDate | null;
  readonly zweck: string;
  readonly verweigerungsfolgenErklaert: boolean;
  readonly freigaben: readonly { readonly von: string; readonly an: string; readonly kategorien: readonly string[] }[];
}

export interface OwnersCopy {
  readonly id: string;
  readonly personId: string;
  readonly signedOn: IsoDate;
  readonly validUntil: IsoDate | null;
  readonly zweck: string;
  readonly verweigerungsfolgenErklaert: true;
  readonly grants: readonly { readonly recipient: Agency; readonly category: string }[];
}

/**
 * Checks a declaration as the intake entered it and keeps the owner's part: the lines where this owner
 * is the sender. Lines of other owners are theirs to check.
 */
export function ownersCopy(
  input: DeclarationInput,
  owner: Agency,
  ownCategories: readonly string[],
  today: IsoDate,
): OwnersCopy {
  if (!isUuid(input.id)) throw badUserInput('id of the declaration must be a UUID', 'erklaerung.id');
  if (!isUuid(input.personId)) throw badUserInput('personId must be a person reference (UUID)', 'erklaerung.personId');
  if (input.unterschriebenAm > today)
    throw badUserInput('a declaration cannot be signed in the future', 'erklaerung.unterschriebenAm');
  const validUntil = input.gueltigBis ?? null;
  if (validUntil !== null && validUntil < input.unterschriebenAm)
    throw badUserInput('gueltigBis lies before unterschriebenAm', 'erklaerung.gueltigBis');
  // § 67b Abs. 2 S. 2 SGB X (and § 4 Abs. 1 DSG NRW): without the purpose and the hint on refusing, a consent is not valid.
  const zweck = input.zweck.trim();
  if (zweck.length === 0 || zweck.length > 500)
    throw badUserInput('a declaration states its purpose, 1 to 500 characters', 'erklaerung.zweck');
  if (input.verweigerungsfolgenErklaert !== true) {
    throw badUserInput(
      'a consent is valid only if the person was told what refusing it means (§ 67b Abs. 2 S. 2 SGB X)',
      'erklaerung.verweigerungsfolgenErklaert',
    );
  }
  const grants = new Map<string, { recipient: Agency; category: string }>();
  for (const [index, line] of input.freigaben.entries()) {
    const at = `erklaerung.freigaben[${index}]`;
    const from = agencyOf(line.von, `${at}.von`);
    const to = agencyOf(line.an, `${at}.an`);
    if (from === to) throw badUserInput(`a line from ${line.von} to itself grants nothing`, `${at}.an`);
    if (from !== owner) continue;
    for (const category of line.kategorien) {
      if (!ownCategories.includes(category)) {
        throw badUserInput(
          `${owner} holds no data category ${category}; it holds ${ownCategories.join(', ')}`,
          `${at}.kategorien`,
        );
      }
      grants.set(`${to}/${category}`, { recipient: to, category });
    }
  }
  return {
    id: input.id,
    personId: input.personId,
    signedOn: input.unterschriebenAm,
    validUntil,
    zweck,
    verweigerungsfolgenErklaert: true,
    grants: [...grants.values()],
  };
}

/** Two copies of one declaration are the same if person, dates, purpose and grants agree (order does not matter). */
type Comparable = Pick<OwnersCopy, 'personId' | 'signedOn' | 'validUntil' | 'grants'> & {
  readonly zweck: string | null;
};

export function sameDeclaration(a: Comparable, b: Comparable): boolean {
  const grants = (copy: Comparable) =>
    copy.grants
      .map((grant) => `${grant.recipient}/${grant.category}`)
      .sort()
      .join(',');
  return (
    a.personId === b.personId &&
    a.signedOn === b.signedOn &&
    a.validUntil === b.validUntil &&
    a.zweck === b.zweck &&
    grants(a) === grants(b)
  );
}
