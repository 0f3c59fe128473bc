/**
 * The partner registry: the one list of the Integration Point's partners. Everything that lists partners
 * derives from it: the agencies and roles a token may name, the GraphQL `Behoerde` and `Datenkategorie`
 * enums (the kit's data-protection module), the composition, the gateway's per-partner settings, `npm
 * start`, the token script, the boundary check, the test system. A new partner is one entry here (`npm run
 * new-partner` appends it) plus its folder `subgraphs/<name>/`.
 *
 * A TypeScript file rather than JSON so that `Agency` stays a union of the names and a typo in a partner's
 * name fails `tsc`; the scaffold inserts an entry above the marker at the end of the list, then formats.
 * It imports nothing: `scripts/start.mjs` loads it on its own, and the gateway may import it.
 */

/** A data category a partner owns and releases separately (under consent or a law). */
export interface DataCategory {
  /** As stored and logged, lower case: `kindergeld`. */
  readonly value: string;
  /** As the GraphQL enum `Datenkategorie` names it: `KINDERGELD`. */
  readonly enumName: string;
  /** One line for the enum value's description, after the owner's short title. */
  readonly description: string;
}

export interface Partner {
  /** Folder (`subgraphs/<name>/`), agency id in tokens and in the databases, subgraph name. */
  readonly name: string;
  /** Its value of the GraphQL enum `Behoerde`. */
  readonly behoerde: string;
  /** Its German title in prose: "Agentur für Arbeit". */
  readonly title: string;
  /** The shorter title the data categories' descriptions start with: "Agentur". */
  readonly shortTitle: string;
  /** One line for its `Behoerde` value's description. */
  readonly description: string;
  /** The port its subgraph listens on by default. */
  readonly port: number;
  /** Its environment variables start with this: `FAMILIENKASSE_PORT`, `FAMILIENKASSE_DATABASE_URL`. */
  readonly envPrefix: string;
  /** Roles a token of this agency may carry. */
  readonly roles: readonly string[];
  /** The data categories it owns, in the order the `Datenkategorie` enum lists them. */
  readonly categories: readonly DataCategory[];
}

export const PARTNERS = [
  {
    name: 'agentur',
    behoerde: 'AGENTUR',
    title: 'Agentur für Arbeit',
    shortTitle: 'Agentur',
    description: 'Agentur für Arbeit (SGB III).',
    port: 4001,
    envPrefix: 'AGENTUR',
    roles: ['integrationsfachkraft', 'eingangszone', 'teamleitung', 'datenschutz'],
    categories: [
      { value: 'fall', enumName: 'FALL', description: 'the Integration Point case.' },
      { value: 'qualifikation', enumName: 'QUALIFIKATION', description: 'qualifications and competence assessment.' },
      { value: 'sprachfoerderung', enumName: 'SPRACHFOERDERUNG', description: 'language courses.' },
    ],
  },
  {
    name: 'jobcenter',
    behoerde: 'JOBCENTER',
    title: 'Jobcenter',
    shortTitle: 'Jobcenter',
    description: 'Jobcenter (SGB II).',
    port: 4002,
    envPrefix: 'JOBCENTER',
    roles: ['fallmanagement', 'sachbearbeitung', 'teamleitung', 'datenschutz'],
    categories: [
      {
        value: 'bedarfsgemeinschaft',
        enumName: 'BEDARFSGEMEINSCHAFT',
        description: 'the Bedarfsgemeinschaft and its members.',
      },
      { value: 'leistungen', enumName: 'LEISTUNGEN', description: 'SGB II applications and benefits.' },
    ],
  },
  {
    name: 'auslaenderbehoerde',
    behoerde: 'AUSLAENDERBEHOERDE',
    title: 'Ausländerbehörde',
    shortTitle: 'Ausländerbehörde',
    description: 'Ausländerbehörde (AufenthG, AsylG).',
    port: 4003,
    envPrefix: 'AUSLAENDERBEHOERDE',
    roles: ['sachbearbeitung', 'teamleitung', 'datenschutz'],
    categories: [
      {
        value: 'identitaet',
        enumName: 'IDENTITAET',
        description: 'identity data (name, birth date, nationality, AZR number).',
      },
      { value: 'aufenthalt', enumName: 'AUFENTHALT', description: 'entry, asylum application and residence status.' },
      { value: 'arbeitsmarktzugang', enumName: 'ARBEITSMARKTZUGANG', description: 'access to the labour market.' },
    ],
  },
  {
    name: 'familienkasse',
    behoerde: 'FAMILIENKASSE',
    title: 'Familienkasse',
    shortTitle: 'Familienkasse',
    description: 'Familienkasse (Kindergeld, EStG).',
    port: 4004,
    envPrefix: 'FAMILIENKASSE',
    roles: ['sachbearbeitung', 'teamleitung', 'datenschutz'],
    categories: [
      { value: 'kindergeld', enumName: 'KINDERGELD', description: 'Kindergeld applications and decisions.' },
    ],
  },
  {
    name: 'sozialamt',
    behoerde: 'SOZIALAMT',
    title: 'Sozialamt (AsylbLG)',
    shortTitle: 'Sozialamt',
    description: 'Sozialamt (AsylbLG).',
    port: 4005,
    envPrefix: 'SOZIALAMT',
    roles: ['sachbearbeitung', 'teamleitung', 'datenschutz'],
    categories: [
      {
        value: 'asylbewerberleistungen',
        enumName: 'ASYLBEWERBERLEISTUNGEN',
        description: 'AsylbLG benefit periods and their end.',
      },
    ],
  },
  // new-partner: entries above this line (`npm run new-partner` inserts here)
] as const satisfies readonly Partner[];

/** A partner's name: the agency id in tokens, databases and logs. */
export type Agency = (typeof PARTNERS)[number]['name'];

/** The partner of a name. */
export function partner(name: Agency): Partner {
  return PARTNERS.find((entry) => entry.name === name)!;
}

/** A record with one value per partner, in the registry's order. */
export function byPartner<T>(value: (entry: Partner) => T): Record<Agency, T> {
  return Object.fromEntries(PARTNERS.map((entry) => [entry.name, value(entry)])) as Record<Agency, T>;
}
