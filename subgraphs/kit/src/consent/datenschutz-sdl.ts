import { partner, PARTNERS, type Agency } from '../identity/partners.ts';

/**
 * The SDL of the data-protection part every partner serves: the `Behoerde` and `Datenkategorie` enums
 * (made from the partner registry, so a partner that joins is in every subgraph's enums at once), the
 * consent and access-log types, and the owner's own parts: its `Datenschutz` field and its two mutations.
 * Also the two shared bits of every subgraph the part needs, the `Date` scalar and Relay's `PageInfo`.
 * The server (`defineSubgraph`), the composition (`npm run compose`) and the resolver types (`npm run
 * codegen`) all take a partner's `schema.graphql` together with this, through `servedTypeDefs`, so they
 * see the same SDL. It imports only the registry: codegen.ts loads it.
 *
 * The partner's `schema.graphql` must import `@key` and `@shareable` and define `type Person @key(fields:
 * "id")` and `type Mutation`; this part extends both.
 */
export function datenschutzTypeDefs(owner: Agency): string {
  const { title } = partner(owner);
  const suffix = `${owner.charAt(0).toUpperCase()}${owner.slice(1)}`;
  return `${DATE}

extend type Person {
  """
  Who may see this person's data and who saw it: consents and access logs of every owner.
  """
  datenschutz: Datenschutz! @shareable
}

extend type Mutation {
  """
  Records the ${title}'s copy of a declaration of consent: the lines where it releases its own data. Idempotent on the declaration's id. A refusal names its reason in extensions.grund, a value of Ablehnungsgrund${suffix}.
  """
  einwilligungErfassen${suffix}(
    """
    The declaration as signed at the intake.
    """
    erklaerung: EinwilligungserklaerungInput!
    """
    Client-chosen request id (8 to 64 characters of A-Z, a-z, 0-9, _ and -): for the retention time (default 7 days) a retry with the same id answers the first result, the same id with other input is refused.
    """
    anfrageId: ID
  ): Einwilligung!
  """
  Records that the person withdrew a declaration; the ${title} releases nothing under it from today on.
  """
  einwilligungWiderrufen${suffix}(
    """
    Id of the declaration.
    """
    erklaerungId: ID!
  ): Einwilligung!
}

"""
A person's data protection view: each owner adds its part (consents it holds, its access log).
"""
type Datenschutz @key(fields: "personId") {
  """
  The person's shared reference.
  """
  personId: ID!
  """
  The ${title}'s part.
  """
  ${owner}: DatenschutzAuskunft
}

"""
The partners of an Integration Point.
"""
enum Behoerde {
${PARTNERS.map((entry) => value(entry.behoerde, entry.description)).join('\n')}
}

"""
The data categories the partners release separately; each belongs to one owner.
"""
enum Datenkategorie {
${PARTNERS.flatMap((entry) =>
  entry.categories.map((category) => value(category.enumName, `${entry.shortTitle}: ${category.description}`)),
).join('\n')}
}

${FIXED}
`;
}

/** A partner's SDL as its subgraph serves it: its own `schema.graphql`, then the data-protection part. */
export function servedTypeDefs(owner: Agency, own: string): string {
  return `${own.trimEnd()}\n\n${datenschutzTypeDefs(owner)}`;
}

function value(name: string, description: string): string {
  return `  """\n  ${description}\n  """\n  ${name}`;
}

const DATE = `"""
A calendar day in ISO 8601 form, YYYY-MM-DD; as input between 1900-01-01 and 2100-12-31.
"""
scalar Date`;

/** The types that are the same at every owner. */
const FIXED = `"""
One owner's part of a person's data protection view.
"""
type DatenschutzAuskunft @shareable {
  """
  The owner this part belongs to.
  """
  eigentuemer: Behoerde!
  """
  The owner's copies of the person's declarations of consent, oldest first.
  """
  einwilligungen: [Einwilligung!]!
  """
  The owner's log of releases and refusals of this person's data to other agencies, newest first; for the owner's staff and data protection officers.
  """
  zugriffe(
    """
    Entries to return, at most 100.
    """
    first: Int = 20
    """
    Cursor after which to continue.
    """
    after: String
  ): ZugriffConnection
}

"""
An owner's copy of a declaration of consent signed at the intake.
"""
type Einwilligung @shareable {
  """
  Id of the declaration, the same at every owner.
  """
  id: ID!
  """
  Day the person signed.
  """
  unterschriebenAm: Date!
  """
  Last day the declaration covers, if limited.
  """
  gueltigBis: Date
  """
  Day from which the withdrawal took effect.
  """
  widerrufenAm: Date
  """
  What the data are released for, as the declaration states it; null for declarations recorded before it was kept.
  """
  zweck: String
  """
  Whether the person was told what refusing means (§ 67b Abs. 2 S. 2 SGB X); null for declarations recorded before it was kept.
  """
  verweigerungsfolgenErklaert: Boolean
  """
  State of the declaration on a day (default: today).
  """
  status(
    """
    The day to judge; default today in Europe/Berlin.
    """
    stichtag: Date
  ): EinwilligungStatus!
  """
  What this owner may release under it, to whom.
  """
  freigaben: [Freigabe!]!
  """
  The user who recorded it.
  """
  erfasstVon: String!
  """
  The agency of that user.
  """
  erfasstDurch: Behoerde!
}

"""
State of a declaration of consent on a day.
"""
enum EinwilligungStatus {
  """
  Signed and in force.
  """
  WIRKSAM
  """
  Signed after that day.
  """
  NOCH_NICHT_WIRKSAM
  """
  Past its end date.
  """
  ABGELAUFEN
  """
  Withdrawn by the person.
  """
  WIDERRUFEN
}

"""
One line of a declaration as the owner holds it.
"""
type Freigabe @shareable {
  """
  The agency that may receive the data.
  """
  empfaenger: Behoerde!
  """
  The data category it may receive.
  """
  kategorie: Datenkategorie!
}

"""
One entry of an owner's access log.
"""
type Zugriff @shareable {
  """
  When the decision was made (ISO 8601 instant).
  """
  zeitpunkt: String!
  """
  The agency that asked.
  """
  anfragendeBehoerde: Behoerde!
  """
  The user who asked.
  """
  benutzer: String!
  """
  The role of that user.
  """
  rolle: String!
  """
  The data category asked for.
  """
  kategorie: Datenkategorie!
  """
  The name of the GraphQL operation that asked if at most 100 characters of A-Z, a-z, 0-9 and _, else "(nicht vertrauenswuerdig)".
  """
  operation: String!
  """
  sha256 (hex) of the GraphQL document the owner received; null for entries logged before it was recorded.
  """
  operationHash: String
  """
  The basis of a release: id of the declaration of consent or the legal paragraph; null for a refusal.
  """
  rechtsgrundlage: String
  """
  Whether the owner released the data.
  """
  entscheidung: Entscheidung!
}

"""
An owner's decision on a release.
"""
enum Entscheidung {
  """
  Released.
  """
  FREIGEGEBEN
  """
  Refused: no consent and no legal basis.
  """
  VERWEIGERT
}

"""
A page of access log entries.
"""
type ZugriffConnection @shareable {
  """
  The entries of this page.
  """
  edges: [ZugriffEdge!]!
  """
  Where this page stands.
  """
  pageInfo: PageInfo!
  """
  Number of entries in the whole log of this person at this owner.
  """
  totalCount: Int!
}

"""
One access log entry in a page.
"""
type ZugriffEdge @shareable {
  """
  Opaque position of the entry; pass it as \`after\` for the next page.
  """
  cursor: String!
  """
  The entry.
  """
  node: Zugriff!
}

"""
A declaration of consent as the intake records it with each owner.
"""
input EinwilligungserklaerungInput {
  """
  Id of the signed declaration (a UUID chosen by the intake), the same for every owner.
  """
  id: ID!
  """
  The person who signed.
  """
  personId: ID!
  """
  Day the person signed; not in the future.
  """
  unterschriebenAm: Date!
  """
  Last day the declaration covers, if the person limited it.
  """
  gueltigBis: Date
  """
  What the data are released for, as the declaration states it to the person (1 to 500 characters).
  """
  zweck: String!
  """
  Whether the person was told what refusing the consent means; it must be true, else the consent is not valid (§ 67b Abs. 2 S. 2 SGB X).
  """
  verweigerungsfolgenErklaert: Boolean!
  """
  What may flow from which partner to which.
  """
  freigaben: [FreigabeInput!]!
}

"""
One line of a declaration: data categories of one partner that another partner may receive.
"""
input FreigabeInput {
  """
  The partner that owns the data.
  """
  von: Behoerde!
  """
  The partner that may receive it.
  """
  an: Behoerde!
  """
  The categories; each must belong to \`von\`.
  """
  kategorien: [Datenkategorie!]!
}

"""
Where a page stands in its list (Relay).
"""
type PageInfo @shareable {
  """
  True if more items follow this page.
  """
  hasNextPage: Boolean!
  """
  True if items precede this page.
  """
  hasPreviousPage: Boolean!
  """
  Cursor of the first item of this page.
  """
  startCursor: String
  """
  Cursor of the last item of this page.
  """
  endCursor: String
}`;
