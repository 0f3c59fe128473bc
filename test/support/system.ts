import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as agentur from '@ip/agentur';
import { startGateway } from '@ip/gateway';
import type { RunningServer } from '@ip/kit';
import { generatePopulation, type Population } from '@ip/kit/demo';
import type { DatenschutzTables } from '@ip/kit/consent';
import { byPartner, PARTNERS as REGISTRY, type Agency, type TokenVerifier } from '@ip/kit/identity';
import {
  createTestDatabase,
  createTestIssuer,
  digestOf,
  postGraphQL,
  type GraphQLResponse,
  type TestDatabase,
  type TestIssuer,
} from '@ip/kit/testing';
import { compose, readSubgraphSources } from '../../schema/src/compose.ts';
import { registeredPartnerModules } from './partner-modules.ts';

/** A partner of the registry (`@ip/kit/identity`); the system starts every one of them. */
export type PartnerName = Agency;

/** A partner as the test starts it: its database prepared and its server listening; its own types stay inside. */
type StartPartner = (
  name: PartnerName,
  population: Population,
  onQuery: (sql: string) => void,
  verifyToken: TokenVerifier,
  consented: readonly string[],
) => Promise<{ server: RunningServer; database: TestDatabase<unknown> }>;

function partner<DB>(
  prepareDatabase: (db: Kysely<DB>, population?: Population) => Promise<void>,
  start: (db: Kysely<DB>, options: { port: number; verifyToken: TokenVerifier }) => Promise<RunningServer>,
): StartPartner {
  return async (name, population, onQuery, verifyToken, consented) => {
    // One template per partner, population and consent for the whole run: most files ask for one of a few.
    const template = `${name}:${digestOf(population)}:${digestOf(consented)}`;
    const prepare = async (db: Kysely<DB>) => {
      await prepareDatabase(db, population);
      if (consented.length > 0) await consentInTemplate(db as Kysely<unknown>, name, consented);
    };
    const database = await createTestDatabase<DB>(`e2e-${name}`, prepare, { onQuery, template });
    const server = await start(database.db, { port: 0, verifyToken });
    return { server, database: database as TestDatabase<unknown> };
  };
}

/** Every partner but the Agentur, started from its package as the registry names it. */
async function registeredPartners(): Promise<Record<string, StartPartner>> {
  const modules = await registeredPartnerModules();
  return Object.fromEntries(
    Object.entries(modules).map(([name, module]) => [name, partner(module.prepareDatabase, module.start)]),
  );
}

/**
 * The owner's copies of a declaration releasing every one of its categories to every other partner, for each
 * of `personIds`: the rows the intake's `einwilligungErfassen<Owner>` would write, written into the template.
 */
async function consentInTemplate(db: Kysely<unknown>, owner: PartnerName, personIds: readonly string[]) {
  const datenschutz = db as Kysely<DatenschutzTables>;
  const entry = REGISTRY.find((candidate) => candidate.name === owner)!;
  const recipients = REGISTRY.filter((candidate) => candidate.name !== owner);
  const rows = personIds.map((personId) => ({
    id: randomUUID(),
    personId,
    unterschriebenAm: '2015-11-02',
    gueltigBis: null,
    widerrufenAm: null,
    erfasstVon: 'eingangszone-test',
    erfasstDurch: 'agentur' as const,
    widerrufErfasstVon: null,
    zweck: ERKLAERT.zweck,
    verweigerungsfolgenErklaert: ERKLAERT.verweigerungsfolgenErklaert,
  }));
  await datenschutz.insertInto('einwilligung').values(rows).execute();
  await datenschutz
    .insertInto('einwilligungFreigabe')
    .values(
      rows.flatMap((row) =>
        recipients.flatMap((recipient) =>
          entry.categories.map((category) => ({
            einwilligungId: row.id,
            empfaenger: recipient.name,
            kategorie: category.value,
          })),
        ),
      ),
    )
    .execute();
}

const compositions = new Map<string, string>();

/**
 * Every partner's `schema.graphql` as it is now, composed for real. A composition costs about a second of CPU
 * and every end-to-end file needs one, so it is made once per worker and schema text; the gateway is given
 * the subgraphs' addresses as `subgraphUrls`, not in the supergraph.
 */
export function composedSupergraph(): string {
  const sources = readSubgraphSources();
  const key = sources.map((source) => source.typeDefs).join('\0');
  let supergraph = compositions.get(key);
  if (supergraph === undefined) {
    const composition = compose(sources);
    if (!composition.ok) throw new Error(`composition failed: ${composition.errors.join('; ')}`);
    compositions.set(key, (supergraph = composition.supergraphSdl));
  }
  return supergraph;
}

export interface System {
  readonly population: Population;
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<PartnerName, string>>;
  /** Each partner's database, for checks a client could not make (the access log, say). */
  readonly databases: Readonly<Record<PartnerName, Kysely<DatenschutzTables>>>;
  /** Every SQL statement each subgraph ran since the last `resetStatements()`. */
  readonly statements: Readonly<Record<PartnerName, string[]>>;
  readonly issuer: TestIssuer;
  resetStatements(): void;
  /** Stops one partner's server, as if it were down; `stop()` copes with it being stopped. */
  stopPartner(name: PartnerName): Promise<void>;
  /** Asks the gateway as a user of `as.agency` in `as.role` (default: an Ausländerbehörde case worker). */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { agency: Agency; role: string },
  ): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

/**
 * The whole Integration Point in one test process: each partner on a database of its own (on the run's
 * embedded cluster, or on TEST_DATABASE_URL) and its own HTTP port, their schemas composed for real,
 * and the gateway in front, talking HTTP to each of them.
 */
export async function startSystem(
  options: {
    households?: number;
    agentur?: Partial<agentur.AgenturSettings>;
    /**
     * Which persons signed, at the intake on 2015-11-02, a declaration releasing everything to everyone
     * (`recordDeclaration`'s 'ALLE'), kept in the databases the system starts from. For files about
     * something else than refusing; the intake itself is tested through the gateway.
     */
    consented?: (population: Population) => readonly { id: string }[];
  } = {},
): Promise<System> {
  const population = generatePopulation({ households: options.households ?? 60 });
  const consented = (options.consented?.(population) ?? []).map((person) => person.id);
  // The Agentur asks the graph for the Ausländerbehörde's facts; the gateway's address is known only at the end.
  let gatewayUrl = '';
  const partners = {
    agentur: partner(agentur.prepareDatabase, (db, listen) =>
      agentur.createAgentur({ ...agentur.DEFAULT_SETTINGS, ...options.agentur }, () => gatewayUrl).start(db, listen),
    ),
    ...(await registeredPartners()),
  } as Record<PartnerName, StartPartner>;
  const names = Object.keys(partners) as PartnerName[];
  const statements = Object.fromEntries(names.map((name) => [name, [] as string[]])) as Record<PartnerName, string[]>;
  const databases: TestDatabase<unknown>[] = [];
  const databaseByName = {} as Record<PartnerName, Kysely<DatenschutzTables>>;
  const servers: RunningServer[] = [];
  const serverByName = {} as Record<PartnerName, RunningServer>;
  const stopped = new Set<RunningServer>();
  const subgraphUrls = {} as Record<PartnerName, string>;

  const issuer = await createTestIssuer();
  // All at once: one partner's database copy on the server overlaps another's schema build here.
  const started = await Promise.all(
    names.map((name) =>
      partners[name](name, population, (sql) => statements[name].push(sql), issuer.verifyToken, consented),
    ),
  );
  for (const [index, name] of names.entries()) {
    const { server, database } = started[index]!;
    databases.push(database);
    databaseByName[name] = database.db as Kysely<DatenschutzTables>;
    servers.push(server);
    serverByName[name] = server;
    subgraphUrls[name] = server.url;
  }

  const gateway = await startGateway({
    supergraph: composedSupergraph(),
    subgraphUrls,
    verifyToken: issuer.verifyToken,
    port: 0,
  });
  gatewayUrl = gateway.url;

  return {
    population,
    gatewayUrl: gateway.url,
    subgraphUrls,
    databases: databaseByName,
    statements,
    issuer,
    resetStatements: () => names.forEach((name) => (statements[name].length = 0)),
    async stopPartner(name) {
      stopped.add(serverByName[name]);
      await serverByName[name].stop();
    },
    async query<TData>(
      query: string,
      variables?: Record<string, unknown>,
      as = { agency: 'auslaenderbehoerde' as Agency, role: 'sachbearbeitung' },
    ) {
      const authorization = await issuer.bearer(as.agency, as.role);
      return (await postGraphQL<TData>(gateway.url, query, variables, { authorization })).body;
    },
    async stop() {
      await gateway.stop();
      await Promise.all(servers.filter((server) => !stopped.has(server)).map((server) => server.stop()));
      await Promise.all(databases.map((database) => database.close()));
      await issuer.close();
    },
  };
}

const CATEGORIES = byPartner((entry) => entry.categories.map((category) => category.enumName));
const OWNERS = Object.keys(CATEGORIES) as PartnerName[];
const behoerde = (name: PartnerName) => REGISTRY.find((entry) => entry.name === name)!.behoerde;

/** What every declaration states besides its lines (§ 67b Abs. 2 S. 2 SGB X): its purpose, and that refusing was explained. */
export const ERKLAERT = {
  zweck: 'Gemeinsame Beratung im Integration Point',
  verweigerungsfolgenErklaert: true,
} as const;

export interface Declaration {
  readonly id: string;
  readonly personId: string;
  readonly unterschriebenAm: string;
  readonly gueltigBis?: string;
  /** 'ALLE': every partner may receive every category of every other partner. */
  readonly freigaben: 'ALLE' | readonly { von: string; an: string; kategorien: readonly string[] }[];
}

/**
 * Records a declaration the way the intake does: one request, one mutation per owner, each owner
 * keeping its own copy. Fails the test if any owner refuses.
 */
export async function recordDeclaration(system: System, declaration: Declaration): Promise<void> {
  const freigaben =
    declaration.freigaben === 'ALLE'
      ? OWNERS.flatMap((von) =>
          OWNERS.filter((an) => an !== von).map((an) => ({
            von: behoerde(von),
            an: behoerde(an),
            kategorien: CATEGORIES[von],
          })),
        )
      : declaration.freigaben;
  const suffix = (owner: PartnerName) => owner.charAt(0).toUpperCase() + owner.slice(1);
  const result = await system.query(
    `mutation Einwilligung($e: EinwilligungserklaerungInput!) {
      ${OWNERS.map((owner) => `${owner}: einwilligungErfassen${suffix(owner)}(erklaerung: $e) { id }`).join('\n')}
    }`,
    { e: { ...ERKLAERT, ...declaration, freigaben } },
    { agency: 'agentur', role: 'eingangszone' },
  );
  if (result.errors) throw new Error(`declaration refused: ${JSON.stringify(result.errors)}`);
}

/**
 * A Kindergeld packet the way the partners handle it: the Jobcenter issues it, the Familienkasse scans the
 * returned envelope. Answers the application's id and Kindergeld number; fails the test if either refuses.
 */
export async function kindergeldAntragEingegangen(
  system: System,
  personId: string,
  dates: { readonly ausgegebenAm: string; readonly eingangAm: string },
): Promise<{ id: string; kindergeldnummer: string }> {
  const paket = await system.query<{ antragspaketAusgeben: { matrixCode: string } }>(
    `mutation Ausgabe($p: ID!, $a: Date) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: $a) { matrixCode } }`,
    { p: personId, a: dates.ausgegebenAm },
    { agency: 'jobcenter', role: 'fallmanagement' },
  );
  if (paket.errors) throw new Error(`packet refused: ${JSON.stringify(paket.errors)}`);
  const eingang = await system.query<{ antragEingangErfassen: { id: string; kindergeldnummer: string } }>(
    `mutation Eingang($c: String!, $e: Date!) { antragEingangErfassen(matrixCode: $c, eingangAm: $e) { id kindergeldnummer } }`,
    { c: paket.data!.antragspaketAusgeben.matrixCode, e: dates.eingangAm },
    { agency: 'familienkasse', role: 'sachbearbeitung' },
  );
  if (eingang.errors) throw new Error(`receipt refused: ${JSON.stringify(eingang.errors)}`);
  return eingang.data!.antragEingangErfassen;
}
